import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'samples/**',
			'test/fixtures/**',
			'source/enrich/aws-ip-ranges-data.ts',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			...reactHooks.configs.recommended.rules,
			'no-console': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{argsIgnorePattern: '^_', varsIgnorePattern: '^_'},
			],
		},
	},
	{
		// The benchmark is a command-line report: it prints.
		files: ['bench/**/*.ts'],
		rules: {'no-console': 'off'},
	},
);
