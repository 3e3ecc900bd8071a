import {accessRules} from './catalog-access.js';
import {changeRules} from './catalog-changes.js';
import type {FlagRule} from './flag-rule.js';
import {consoleLoginWithoutMfa} from './rules/console-login-without-mfa.js';
import {interactiveClientOnWorkload} from './rules/interactive-client-on-workload.js';
import {newSourceAddress} from './rules/new-source-address.js';
import {reconnaissanceCall} from './rules/reconnaissance-call.js';
import {rootActivity} from './rules/root-activity.js';
import {unusualClient} from './rules/unusual-client.js';
import {workloadCredentialOutsideAws} from './rules/workload-credential-outside-aws.js';

/**
Every red-flag rule trailtui runs, in the order their flags are listed when
two flags of one event share a severity. Adding a flag is adding its module
under `rules/` and one line here.
*/
export const catalog: readonly FlagRule[] = [
	workloadCredentialOutsideAws,
	interactiveClientOnWorkload,
	reconnaissanceCall,
	newSourceAddress,
	rootActivity,
	consoleLoginWithoutMfa,
	unusualClient,
	...accessRules,
	...changeRules,
];
