import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { ptBR } from '../../i18n/pt-BR';
import { findingValue } from './finding-value';

describe('findingValue', () => {
  const pt = ptBR.reconciler.values;
  it('translates whole values and known prefixes', () => {
    expect(findingValue('absent', pt)).toBe('ausente');
    expect(findingValue('present, on', pt)).toBe('presente, ativa');
    expect(findingValue('Suspended or Off', pt)).toBe('suspenso ou nunca ativado');
    expect(findingValue('full: fotos-on, off-site', pt)).toBe('acesso completo: fotos-on, off-site');
    expect(findingValue('attached: none', pt)).toBe('vinculada: nenhuma');
    expect(findingValue('present, enabled', en.reconciler.values)).toBe('present, enabled');
  });

  it('leaves names, byte counts and documents as they are', () => {
    expect(findingValue('10737418240 bytes (10 GiB)', pt)).toBe('10737418240 bytes (10 GiB)');
    expect(findingValue('{"Version":"2012-10-17"}', pt)).toBe('{"Version":"2012-10-17"}');
    expect(findingValue('on-prem', pt)).toBe('on-prem');
  });
});
