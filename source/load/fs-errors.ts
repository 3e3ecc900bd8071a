/** The error code of a failed file-system call, if it has one. */
export function codeOf(error: unknown): string | undefined {
	const code = (error as {code?: unknown} | undefined)?.code;
	return typeof code === 'string' ? code : undefined;
}

/** A person's reason for a failed `stat`, `open`, `read` or `readdir`. */
export function describeFsError(error: unknown): string {
	const code = codeOf(error);
	switch (code) {
		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'ENOENT': {
			return 'no such file or folder';
		}

		case 'ENOTDIR': {
			return 'not found: a part of the path is not a folder';
		}

		case 'EISDIR': {
			return 'a folder where a file was expected';
		}

		case 'ELOOP': {
			return 'symbolic link loop (too many levels of links)';
		}

		case 'EIO': {
			return 'input/output error (a failing disk?)';
		}

		default: {
			return `cannot be read (${code ?? (error instanceof Error ? error.message : 'unknown error')})`;
		}
	}
}
