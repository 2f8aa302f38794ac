import { describe, expect, it } from 'vitest';
import { en } from './en';
import { getDictionary, interpolate, normalizeLang } from './index';
import { ptBR } from './pt-BR';

// Paths are segment arrays: some keys contain dots themselves (audit action codes such as 'bucket.created').
function keyPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, [...prefix, key]));
}

const show = (path: string[]) => path.join(' › ');
const lookup = (dict: unknown, path: string[]) =>
  path.reduce<unknown>((obj, key) => (obj as Record<string, unknown>)[key], dict);

describe('dictionaries', () => {
  it('en has exactly the keys of pt-BR, all non-empty', () => {
    expect(keyPaths(en).map(show).sort()).toEqual(keyPaths(ptBR).map(show).sort());
    for (const path of keyPaths(en)) {
      const value = lookup(en, path);
      expect(typeof value === 'string' && value.length > 0, show(path)).toBe(true);
    }
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (dict: unknown, path: string[]) =>
      (lookup(dict, path) as string).match(/\{\w+\}/g)?.sort() ?? [];
    for (const path of keyPaths(ptBR)) {
      expect(placeholders(en, path), show(path)).toEqual(placeholders(ptBR, path));
    }
  });

  it('has the PRD sign-up message verbatim', () => {
    expect(ptBR.received.message).toBe(
      'Cadastro recebido! Você receberá email em até 24h após aprovação do nosso time.',
    );
  });
});

describe('language selection', () => {
  it('defaults to pt-BR', () => {
    expect(normalizeLang(undefined)).toBe('pt-BR');
    expect(normalizeLang('fr')).toBe('pt-BR');
    expect(normalizeLang('en')).toBe('en');
    expect(getDictionary('en')).toBe(en);
  });

  it('interpolates placeholders', () => {
    expect(interpolate('Olá {name}, {count} itens', { name: 'Ana', count: 3 })).toBe('Olá Ana, 3 itens');
    expect(interpolate('{missing} fica', {})).toBe('{missing} fica');
  });
});
