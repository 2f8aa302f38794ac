import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Vitest transpiles TypeScript with esbuild, which drops decorator metadata; NestJS dependency
 * injection needs it (`design:paramtypes`). This plugin compiles the files that use decorators
 * with TypeScript itself (per file, like `isolatedModules`), before esbuild sees them.
 */
export function typescriptDecorators(): Plugin {
  return {
    name: 'csp-typescript-decorators',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/node_modules/') || !/^\s*@\w/m.test(code)) return null;
      const out = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          useDefineForClassFields: false,
          sourceMap: true,
          inlineSources: true,
        },
      });
      return { code: out.outputText, map: out.sourceMapText ? JSON.parse(out.sourceMapText) : null };
    },
  };
}
