import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The project's root folder, found from this compiled file (dist/test/helpers). */
export const projectRoot = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../..',
);

/** A file under test/fixtures. */
export function fixture(...parts: string[]): string {
	return path.join(projectRoot, 'test', 'fixtures', ...parts);
}

/** A file of the shared bug-report cases copied into test/fixtures/cases. */
export function caseFile(name: string): string {
	return fixture('cases', name);
}

/** The bundled sample folder. */
export function sample(...parts: string[]): string {
	return path.join(projectRoot, 'samples', ...parts);
}

/** The shared public data tree beside the clone (present on CI). */
export const sharedData = path.resolve(projectRoot, '..', 'shared', 'data');

/** The built command line entry point. */
export const builtCli = path.join(projectRoot, 'dist', 'source', 'cli.js');
