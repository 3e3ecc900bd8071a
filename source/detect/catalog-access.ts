import type {FlagRule} from './flag-rule.js';
import {accessDeniedBurst} from './rules/access-denied-burst.js';
import {attackToolUserAgent} from './rules/attack-tool-user-agent.js';
import {callerIdentityProbe} from './rules/caller-identity-probe.js';
import {consoleLoginFailures} from './rules/console-login-failures.js';
import {instanceCredentialOffInstance} from './rules/instance-credential-off-instance.js';
import {instanceIdentityRoleMisuse} from './rules/instance-identity-role-misuse.js';
import {newRegion} from './rules/new-region.js';
import {reconnaissanceBurst} from './rules/reconnaissance-burst.js';
import {temporaryKeyManyAddresses} from './rules/temporary-key-many-addresses.js';

/**
The catalog's rules about credential use, sign-in and discovery, in the
order their flags are listed when two flags of one event share a severity:
stolen instance credentials first, then keys in several places, sign-in
attacks, probing and mapping, tools, and new regions last.
*/
export const accessRules: readonly FlagRule[] = [
	instanceCredentialOffInstance,
	instanceIdentityRoleMisuse,
	temporaryKeyManyAddresses,
	callerIdentityProbe,
	consoleLoginFailures,
	accessDeniedBurst,
	reconnaissanceBurst,
	attackToolUserAgent,
	newRegion,
];
