import type {TrailEvent} from '../core/types.js';
import {familyLabel} from './agent.js';
import {countedAddress, inOrder, type IdentityBaseline} from './baselines.js';
import {addressWithPlace, clock, count} from './describe.js';
import type {RuleContext} from './rule-context.js';

/**
"What is normal for this identity", the lines the side panel shows next to a
deviation. Normal means the identity's other behaviour in the loaded logs:
the addresses and clients it used apart from this event's own, so that the
contrast is plain ("usually from 34.234.236.212; this call from elsewhere").
*/

/** The name a person uses for the identity: role, user or label. */
export function identityName(event: TrailEvent): string {
	const p = event.principal;
	return p.roleName ?? p.userName ?? p.label;
}

function addressLine(
	baseline: IdentityBaseline,
	event: TrailEvent,
	name: string,
): string | undefined {
	const here = countedAddress(event.source);
	const others = inOrder(baseline.addresses).filter((a) => a.address !== here);
	if (others.length === 0) {
		return undefined;
	}

	const shown = others
		.slice(0, 3)
		.map(
			(a) =>
				`${addressWithPlace(a.source)}: ${count(a.count, 'call')} from ${clock(a.firstTime, event.time)}`,
		)
		.join('; ');
	const more = others.length > 3 ? `; and ${others.length - 3} more` : '';
	return `${name} otherwise calls from ${shown}${more}.`;
}

function agentLine(
	baseline: IdentityBaseline,
	event: TrailEvent,
	context: RuleContext,
): string | undefined {
	const here = context.agent(event)?.family;
	const families = [...baseline.agents.entries()]
		.filter(([family]) => family !== here)
		.sort((a, b) => a[1].firstSeq - b[1].firstSeq)
		.map(([family]) => family);
	if (families.length === 0) {
		return undefined;
	}

	return `Its other clients: ${families.slice(0, 4).map(familyLabel).join(', ')}.`;
}

function regionList(baseline: IdentityBaseline): string {
	const regions = [...baseline.regions.keys()];
	if (regions.length === 0) {
		return 'no named region';
	}

	const more = regions.length > 4 ? ` and ${regions.length - 4} more` : '';
	return regions.slice(0, 4).join(', ') + more;
}

/**
The normal-behaviour lines for the event's principal, or a line saying this
is the only use in the logs (which is itself worth knowing).
*/
export function normalLines(event: TrailEvent, context: RuleContext): string[] {
	const name = identityName(event);
	const key = event.principal.baselineKey;
	const baseline = key ? context.baselines.principals.get(key) : undefined;
	if (!baseline) {
		return [];
	}

	if (baseline.events <= 1) {
		return [`This is the only call by ${name} in the loaded logs.`];
	}

	const lines = [
		`${name} made ${count(baseline.events, 'call')} in the loaded logs, from ${clock(baseline.firstTime, event.time)} to ${clock(baseline.lastTime, event.time)}, in ${regionList(baseline)}.`,
	];
	const address = addressLine(baseline, event, name);
	if (address) {
		lines.push(address);
	} else {
		lines.push(`No other address is recorded for ${name}.`);
	}

	const agent = agentLine(baseline, event, context);
	if (agent) {
		lines.push(agent);
	}

	return lines;
}
