import type {FlagRule} from './flag-rule.js';
import {adminPolicyGranted} from './rules/admin-policy-granted.js';
import {cloudtrailTampering} from './rules/cloudtrail-tampering.js';
import {
	credentialsForAnotherUser,
	rootAccessKeyCreated,
} from './rules/credentials-for-others.js';
import {leaveOrganization} from './rules/leave-organization.js';
import {resourcePolicyPublic} from './rules/resource-policy-public.js';
import {roleTrustOpened} from './rules/role-trust-opened.js';
import {s3BucketPublic, s3BucketShared} from './rules/s3-bucket-exposure.js';
import {s3BucketProtectionRemoved} from './rules/s3-bucket-protection.js';
import {
	instancePasswordBurst,
	massSecretRetrieval,
} from './rules/secret-retrieval.js';
import {securityControlDisabled} from './rules/security-control-disabled.js';
import {securityGroupOpenToWorld} from './rules/security-group-open.js';
import {snapshotOrImageShared} from './rules/snapshot-shared.js';
import {taskDefinitionReadsCredentials} from './rules/task-definition-credentials.js';
import {trailBucketLifecycleShortened} from './rules/trail-bucket-lifecycle.js';
import {unusedRegionActivity} from './rules/unused-region.js';
import {unusualInstanceLaunch} from './rules/unusual-instance-launch.js';
import {userDataBulkRead, userDataModified} from './rules/user-data.js';

/**
The catalog's rules about changes to logging, defences, identities, sharing
and resources, in the order their flags are listed when two flags of one
event share a severity: logging first, then defences, identities, sharing,
resources.
*/
export const changeRules: readonly FlagRule[] = [
	cloudtrailTampering,
	trailBucketLifecycleShortened,
	securityControlDisabled,
	s3BucketProtectionRemoved,
	credentialsForAnotherUser,
	rootAccessKeyCreated,
	adminPolicyGranted,
	roleTrustOpened,
	s3BucketPublic,
	s3BucketShared,
	resourcePolicyPublic,
	snapshotOrImageShared,
	unusedRegionActivity,
	securityGroupOpenToWorld,
	taskDefinitionReadsCredentials,
	userDataBulkRead,
	userDataModified,
	massSecretRetrieval,
	instancePasswordBurst,
	unusualInstanceLaunch,
	leaveOrganization,
];
