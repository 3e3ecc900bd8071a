import type {Segment} from './lines.js';
import type {LoadingStatus} from './live-source.js';

/**
The status line's head while files load: a bar, the files, the events,
the speed and the time left, worked out from the files done so far.
*/

const barCells = 12;

function count(n: number): string {
	return n.toLocaleString('en-US');
}

function duration(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	return seconds < 60
		? `${seconds} s`
		: `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function loadingParts(loading: LoadingStatus): Segment[] {
	if (loading.phase === 'judging') {
		return [
			{text: `${count(loading.events)} events read`, tone: 'heading'},
			{text: 'judging every event…', tone: 'label'},
		];
	}

	const {filesDone, filesTotal, bytesRead, elapsedMs} = loading;
	const share = filesTotal > 0 ? filesDone / filesTotal : 0;
	const filled = Math.round(share * barCells);
	const seconds = Math.max(elapsedMs / 1000, 0.001);
	const rate = bytesRead / 1024 / 1024 / seconds;
	const parts: Segment[] = [
		{
			text: `loading ${'█'.repeat(filled)}${'░'.repeat(barCells - filled)}`,
			tone: 'label',
		},
		{text: `${count(filesDone)}/${count(filesTotal)} files`, tone: 'heading'},
		{text: `${count(loading.events)} events`, tone: 'heading'},
		{text: `${rate.toFixed(1)} MB/s`, tone: 'muted'},
	];
	if (filesDone > 0 && filesDone < filesTotal) {
		const left = (elapsedMs / filesDone) * (filesTotal - filesDone);
		parts.push({text: `~${duration(left)} left`, tone: 'muted'});
	}

	return parts;
}
