import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {gzipSync} from 'node:zlib';
import {
	account,
	createActors,
	roleActor,
	type Actor,
	type Session,
} from './actors.js';
import {catalogueSize} from './api-catalog.js';
import {isMain, numberArg, parseArgs, textArg} from './args.js';
import {logsRoot} from './files.js';
import {
	deliveryTime,
	digestDocument,
	logKey,
	sha256,
	type DigestChain,
	type LogFile,
} from './layout.js';
import {regionWeights} from './network.js';
import {Random, Weighted} from './random.js';
import {
	callRecord,
	issuingRecord,
	rotate,
	serviceEventRecord,
	type TrailRecord,
} from './records.js';
import {plantTheft, type PlantedTheft} from './theft.js';

/**
The deterministic generator of a synthetic CloudTrail bucket: the same
events and seed give byte-identical files. Events are drawn one at a time in
time order over one day, written into per-region files of 500–1000 records,
gzip-compressed, and followed by one digest file per region and hour.
*/

/** Bump when the output changes, so that cached datasets are made again. */
export const generatorVersion = 1;

export const defaultSeed = 1;

/** 2024-05-13T00:00:00Z, a Monday. */
const dayStart = Date.UTC(2024, 4, 13);
const daySpan = 24 * 3_600_000;
/** The planted theft happens at 80 % of the day (19:12 UTC). */
const theftAt = dayStart + Math.round(daySpan * 0.8);
const gzipLevel = 6;
const allRegions = new Weighted(regionWeights);

export interface DatasetFacts {
	generatorVersion: number;
	seed: number;
	events: number;
	/** Every .json.gz file: logs and digests. */
	files: number;
	logFiles: number;
	digestFiles: number;
	/** Bytes on disk of all files. */
	compressedBytes: number;
	/** Uncompressed bytes of the log files (the JSON a parser reads). */
	jsonBytes: number;
	/** Uncompressed bytes of the digest files. */
	digestJsonBytes: number;
	firstEvent: string;
	lastEvent: string;
	/** Records whose eventName is ListBuckets, for the jq comparison. */
	listBuckets: number;
	apis: number;
	services: number;
	theft: Omit<PlantedTheft, 'records'> & {events: number};
	generateSeconds: number;
}

export interface GenerateOptions {
	events: number;
	outDir: string;
	seed?: number;
}

/** Buckets each workload reads and writes. */
function bucketsOf(actor: Actor): string[] {
	switch (actor.roleName ?? actor.userName ?? actor.type) {
		case 'level3':
			return ['acme-level3-reports'];
		case 'web-app-ec2-role':
			return ['acme-web-assets-prod', 'acme-user-uploads-prod'];
		case 'batch-worker-role':
			return ['acme-data-lake-raw', 'acme-data-lake-curated'];
		case 'legacy-backup':
			return ['acme-backups-onprem'];
		case 'partner-broker':
			return ['acme-partner-exchange'];
		case 'AWSAccount':
			return ['acme-public-website'];
		default:
			return ['acme-orders-archive', 'acme-thumbnails', 'acme-eu-reports'];
	}
}

class RegionWriter {
	private records: string[] = [];
	private oldest = 0;
	private newest = 0;
	private target: number;
	readonly files: LogFile[] = [];
	jsonBytes = 0;
	compressedBytes = 0;

	constructor(
		private readonly region: string,
		private readonly random: Random,
		private readonly outDir: string,
		private readonly made: Set<string>,
	) {
		this.target = random.between(500, 1000);
	}

	add(time: number, record: TrailRecord): void {
		if (this.records.length === 0) {
			this.oldest = time;
		}

		this.newest = time;
		this.records.push(JSON.stringify(record));
		if (this.records.length >= this.target) {
			this.flush();
		}
	}

	flush(): void {
		if (this.records.length === 0) {
			return;
		}

		const delivered = deliveryTime(this.newest);
		const key = logKey(this.random, account, this.region, delivered);
		const json = Buffer.from(`{"Records":[${this.records.join(',')}]}`);
		const gz = gzipSync(json, {level: gzipLevel});
		writeBelow(this.outDir, key, gz, this.made);
		this.files.push({
			key,
			region: this.region,
			delivered,
			oldest: this.oldest,
			newest: this.newest,
			sha256: sha256(gz),
		});
		this.jsonBytes += json.length;
		this.compressedBytes += gz.length;
		this.records = [];
		this.target = this.random.between(500, 1000);
	}
}

function writeBelow(
	root: string,
	key: string,
	bytes: Uint8Array,
	made: Set<string>,
): void {
	const file = path.join(root, ...key.split('/'));
	const dir = path.dirname(file);
	if (!made.has(dir)) {
		fs.mkdirSync(dir, {recursive: true});
		made.add(dir);
	}

	fs.writeFileSync(file, bytes);
}

/** Writes a dataset into `outDir` (which should be empty) and returns its facts. */
export function generateDataset(options: GenerateOptions): DatasetFacts {
	const started = performance.now();
	const seed = options.seed ?? defaultSeed;
	const total = options.events;
	// Fewer events leave the role level3 no history before the theft.
	if (!Number.isInteger(total) || total < 1000) {
		throw new Error('give at least 1000 events');
	}

	const random = new Random(seed);
	const actors = createActors(random);
	const pickActor = new Weighted(actors.map((a) => [a, a.weight] as const));
	const level3 = roleActor(actors, 'level3');
	const made = new Set<string>();
	const writers = new Map<string, RegionWriter>();
	const writerFor = (region: string) => {
		let writer = writers.get(region);
		if (!writer) {
			writer = new RegionWriter(region, random, options.outDir, made);
			writers.set(region, writer);
		}

		return writer;
	};

	let emitted = 0;
	let listBuckets = 0;
	let first = Number.POSITIVE_INFINITY;
	let last = 0;
	const emit = (time: number, region: string, record: TrailRecord) => {
		writerFor(region).add(time, record);
		emitted++;
		first = Math.min(first, time);
		last = Math.max(last, time);
		if (record['eventName'] === 'ListBuckets') {
			listBuckets++;
		}
	};

	let theft: PlantedTheft | undefined;
	let pending: Array<{time: number; record: TrailRecord}> = [];
	for (let slot = 0; emitted < total; slot++) {
		const time =
			dayStart + Math.floor(((slot + random.next()) * daySpan) / total);
		if (!theft && time >= theftAt && level3.last) {
			theft = plantTheft(random, level3, level3.last, time);
			pending = [...theft.records];
		}

		while (pending.length > 0 && pending[0]!.time <= time && emitted < total) {
			const due = pending.shift()!;
			emit(due.time, 'us-east-1', due.record);
		}

		if (emitted >= total) {
			break;
		}

		// One call in a thousand is a service's own event.
		if (random.chance(0.001)) {
			const region = allRegions.draw(random);
			emit(time, region, serviceEventRecord(random, time, region));
			continue;
		}

		const actor = pickActor.draw(random);
		const session: Session = random.pick(actor.sessions);
		const diet = session.diet ?? actor.diet;
		const api = diet.draw(random);
		const home = session.region ?? actor.regions.draw(random);
		const region = api.global ? 'us-east-1' : home;
		if (rotate(random, actor, session, time, dayStart)) {
			emit(time, home, issuingRecord(random, actor, session, home));
			if (emitted >= total) {
				break;
			}
		}

		actor.last = session;
		emit(
			time,
			region,
			callRecord(random, {
				actor,
				session,
				api,
				region,
				time,
				buckets: bucketsOf(actor),
			}),
		);
	}

	for (const writer of writers.values()) {
		writer.flush();
	}

	const logFiles = [...writers.values()].flatMap((w) => w.files);
	const digests = writeDigests(random, options.outDir, logFiles, made);
	const sum = (pick: (w: RegionWriter) => number) =>
		[...writers.values()].reduce((total, w) => total + pick(w), 0);
	if (!theft) {
		throw new Error('the planted theft did not happen: too few events');
	}

	return {
		generatorVersion,
		seed,
		events: emitted,
		files: logFiles.length + digests.files,
		logFiles: logFiles.length,
		digestFiles: digests.files,
		compressedBytes: sum((w) => w.compressedBytes) + digests.compressedBytes,
		jsonBytes: sum((w) => w.jsonBytes),
		digestJsonBytes: digests.jsonBytes,
		firstEvent: new Date(first).toISOString(),
		lastEvent: new Date(last).toISOString(),
		listBuckets,
		apis: catalogueSize.apis,
		services: catalogueSize.services,
		theft: {
			time: theft.time,
			address: theft.address,
			accessKeyId: theft.accessKeyId,
			sessionName: theft.sessionName,
			events: theft.records.length,
		},
		generateSeconds: (performance.now() - started) / 1000,
	};
}

/** One digest per region and hour, from the first hour to the last delivery. */
function writeDigests(
	random: Random,
	outDir: string,
	files: readonly LogFile[],
	made: Set<string>,
) {
	const hour = 3_600_000;
	const lastDelivery = Math.max(...files.map((f) => f.delivered));
	const regions = [...new Set(files.map((f) => f.region))].sort();
	let count = 0;
	let compressedBytes = 0;
	let jsonBytes = 0;
	for (const [index, region] of regions.entries()) {
		// Each region's digests come at their own second past the hour.
		const offset = (17 + index * 13) * 1000;
		let previous: DigestChain | undefined;
		let start = dayStart + offset;
		for (let end = start + hour; end - hour <= lastDelivery; end += hour) {
			const inHour = files.filter(
				(f) => f.region === region && f.delivered >= start && f.delivered < end,
			);
			const digest = digestDocument(
				random,
				account,
				region,
				start,
				end,
				inHour,
				previous,
			);
			const json = Buffer.from(JSON.stringify(digest.document));
			const gz = gzipSync(json, {level: gzipLevel});
			writeBelow(outDir, digest.key, gz, made);
			previous = {
				key: digest.key,
				sha256: sha256(gz),
				signature: digest.signature,
			};
			count++;
			compressedBytes += gz.length;
			jsonBytes += json.length;
			start = end;
		}
	}

	return {files: count, compressedBytes, jsonBytes};
}

const markerName = 'dataset-facts.json';

/** Where a dataset is cached: below the system's temporary folder. */
export function cacheDir(events: number, seed: number): string {
	return path.join(os.tmpdir(), 'trailtui-bench', `${events}-${seed}`);
}

/** The facts of a finished dataset in `dir`, or undefined. */
export function readFacts(dir: string): DatasetFacts | undefined {
	try {
		const facts = JSON.parse(
			fs.readFileSync(path.join(dir, markerName), 'utf8'),
		) as DatasetFacts;
		return facts.generatorVersion === generatorVersion ? facts : undefined;
	} catch {
		return undefined;
	}
}

/**
Generates into `dir` unless a finished dataset of this version is there.
The facts file is written last, so an interrupted run is redone. A folder is
emptied only when it holds this generator's facts file (of any version),
never a folder of someone else's.
*/
export function ensureDataset(
	dir: string,
	events: number,
	seed: number,
	fresh = false,
): {facts: DatasetFacts; reused: boolean} {
	const cached = readFacts(dir);
	if (cached && !fresh && cached.events === events && cached.seed === seed) {
		return {facts: cached, reused: true};
	}

	if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
		const ours =
			fs.existsSync(path.join(dir, markerName)) ||
			fs.existsSync(path.join(dir, `${markerName}.partial`));
		if (!ours) {
			throw new Error(
				`${dir} is not empty and holds no generated dataset: give an empty folder`,
			);
		}

		fs.rmSync(dir, {recursive: true});
	}

	fs.mkdirSync(dir, {recursive: true});
	// Marks the folder as ours while it is written, so a rerun may clear it.
	fs.writeFileSync(path.join(dir, `${markerName}.partial`), '');
	const facts = generateDataset({events, outDir: dir, seed});
	fs.rmSync(path.join(dir, `${markerName}.partial`));
	fs.writeFileSync(
		path.join(dir, markerName),
		`${JSON.stringify(facts, null, '\t')}\n`,
	);
	return {facts, reused: false};
}

function main(): void {
	const args = parseArgs(process.argv.slice(2));
	const events = numberArg(args, 'events', 10_000);
	const seed = numberArg(args, 'seed', defaultSeed);
	const dir = textArg(args, 'out') ?? cacheDir(events, seed);
	const {facts, reused} = ensureDataset(dir, events, seed, args.has('fresh'));
	console.log(
		`${reused ? 'reused' : 'generated'} ${facts.events} events in ${facts.logFiles} log files and ${facts.digestFiles} digests: ` +
			`${(facts.compressedBytes / 1e6).toFixed(1)} MB compressed, ${(facts.jsonBytes / 1e6).toFixed(1)} MB JSON` +
			(reused ? '' : `, ${facts.generateSeconds.toFixed(1)} s`),
	);
	console.log(logsRoot(dir));
}

if (isMain(import.meta.url)) {
	main();
}
