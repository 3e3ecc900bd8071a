import process from 'node:process';

/**
Imported first by the screen tests that look at colours: chalk decides on
colour support once, when Ink loads it, and a test's stdout is a pipe. Node
runs each test file in its own process, so this reaches no other file.
*/
process.env['FORCE_COLOR'] = '1';
