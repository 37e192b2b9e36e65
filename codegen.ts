import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for tests and clients, from the committed SDL (`npm run codegen`). */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'test/gql/': {
      preset: 'client',
      // Tests read whole results, as the server sends them; masking suits components that own fragments.
      // test/gql/persisted-documents.json: hash → document, what SPOTTER_TRUSTED_DOCUMENTS accepts.
      presetConfig: { fragmentMasking: false, persistedDocuments: true },
      config: { scalars: { DateTime: 'string' }, useTypeImports: true },
    },
  },
};

export default config;
