import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The database enums: values any layer may read (role and status lists come from them). */
const DB_ENUMS = [
  'accountStatus',
  'documentType',
  'userRole',
  'userStatus',
  'staffRole',
  'objectLockMode',
  'quotaRequestStatus',
  'accessKeyStatus',
  'subjectType',
  'bucketAccessLevel',
  'grantKind',
  'grantScope',
];
const SQL_ONLY_IN_REPOSITORIES = 'SQL lives in repositories (*.repository.ts): call one from here.';

const COMMON_NEVER_IMPORTS_A_DOMAIN =
  'common/, config/ and database/ are the core every domain uses: they never import a domain (modules/) or the jobs.';

const STORAGE_PORT =
  'Storage admin goes through the storage port: inject StorageAdmin with @InjectStorageAdmin() (modules/storage/storage-admin.port.ts).';

/**
 * The import restrictions of a layer: `sql` keeps SQL out, `domains` keeps domains out, `port`
 * keeps the MinIO admin client's class out (only its provider, storage.clients.ts, makes one).
 */
function restrictedImports({ sql = false, domains = false, port = true }) {
  const paths = [];
  const patterns = [];
  if (port)
    paths.push({
      name: '@csp/minio-admin',
      importNames: ['MinioAdminClient'],
      message: STORAGE_PORT,
    });
  if (sql) {
    paths.push(
      { name: 'drizzle-orm', allowTypeImports: true, message: SQL_ONLY_IN_REPOSITORIES },
      {
        name: '@csp/db',
        allowTypeImports: true,
        allowImportNames: DB_ENUMS,
        message: `${SQL_ONLY_IN_REPOSITORIES} Outside them only types and enums of @csp/db.`,
      },
    );
    patterns.push(
      { group: ['drizzle-orm/*'], allowTypeImports: true, message: SQL_ONLY_IN_REPOSITORIES },
      {
        group: ['**/database/database.module', '**/database/db.token'],
        importNames: ['InjectDb', 'DB'],
        message: SQL_ONLY_IN_REPOSITORIES,
      },
    );
  }
  if (domains)
    patterns.push({ group: ['**/modules/**', '**/jobs/**'], message: COMMON_NEVER_IMPORTS_A_DOMAIN });
  return { paths, patterns };
}

/**
 * Domains (apps/api/src/modules/<domain>/) meet only at their public entry, `<domain>/index.ts`:
 * from outside a domain, an import of one of its files is refused, except its message catalogs
 * (`*.messages`, which modules/messages.ts registers). Relative imports are resolved first, so
 * `../storage/storage.repository` and `./modules/storage/storage.repository` are both caught.
 */
const domainEntry = {
  meta: {
    type: 'problem',
    messages: {
      internal:
        "'{{target}}' is inside the {{domain}} domain: import it from the domain's public entry ('{{entry}}'), adding it there if it is meant to be used outside.",
    },
    schema: [],
  },
  create(context) {
    const modulesDir = path.join(context.cwd, 'apps/api/src/modules');
    const domainOf = (file) => {
      const rel = path.relative(modulesDir, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
      const parts = rel.split(path.sep);
      return parts.length > 1 ? { domain: parts[0], rest: parts.slice(1).join('/') } : undefined;
    };
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const file = context.filename;
      const target = domainOf(path.resolve(path.dirname(file), spec));
      if (!target || target.rest === 'index' || target.rest.endsWith('.messages')) return;
      if (domainOf(file)?.domain === target.domain) return;
      const entry = path.relative(path.dirname(file), path.join(modulesDir, target.domain));
      context.report({
        node: node.source,
        messageId: 'internal',
        data: { target: spec, domain: target.domain, entry: entry.startsWith('.') ? entry : `./${entry}` },
      });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/.next/**',
      '**/.next-*/**',
      '**/node_modules/**',
      '.local/**',
      'packages/api-client/src/schema.d.ts',
      'apps/web/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        require: 'readonly',
        module: 'readonly',
        AbortController: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        __dirname: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        Blob: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.spec.ts'],
    plugins: { csp: { rules: { 'domain-entry': domainEntry } } },
    rules: { 'csp/domain-entry': 'error' },
  },
  // The API's layers (docs/ARCHITECTURE.md, "Layers"): only repositories (and the database
  // module that provides the handle) touch the database; common/ never depends on a domain.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.repository.ts',
      'apps/api/src/database/**',
      // The entry point that applies the migrations before anything else runs.
      'apps/api/src/cli.ts',
      'apps/api/src/**/*.spec.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', restrictedImports({ sql: true })],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='db'][object.type='MemberExpression']",
          message: `${SQL_ONLY_IN_REPOSITORIES} (a repository's handle is its own).`,
        },
      ],
    },
  },
  {
    // The storage port and its provider: the only places that name the MinIO admin client.
    files: [
      'apps/api/src/modules/storage/storage.clients.ts',
      'apps/api/src/modules/storage/storage-admin.port.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', restrictedImports({ sql: true, port: false })],
    },
  },
  {
    files: ['apps/api/src/common/**/*.ts', 'apps/api/src/config/**/*.ts', 'apps/api/src/database/**/*.ts'],
    ignores: ['apps/api/src/**/*.spec.ts', 'apps/api/src/**/*.repository.ts', 'apps/api/src/database/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', restrictedImports({ sql: true, domains: true })],
    },
  },
  {
    files: ['apps/api/src/common/**/*.repository.ts', 'apps/api/src/database/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', restrictedImports({ domains: true })],
    },
  },
);
