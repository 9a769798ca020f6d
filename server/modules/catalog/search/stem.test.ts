import { describe, expect, it } from 'vitest';
import { stemEnglish, stemSpanish } from './stem.ts';

describe('stemEnglish (Porter2 rules)', () => {
  it.each([
    ['consigned', 'consign'],
    ['consignment', 'consign'],
    ['consistently', 'consist'],
    ['generation', 'generat'],
    ['generous', 'generous'],
    ['knightly', 'knight'],
    ['running', 'run'],
    ['happiness', 'happi'],
    ['happy', 'happi'],
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['ties', 'tie'],
    ['cries', 'cri'],
    ['hopping', 'hop'],
    ['hoped', 'hope'],
    ['hopeful', 'hope'],
    ['nationality', 'nation'],
    ['relational', 'relat'],
    ['dying', 'die'],
    ['skies', 'sky'],
    ['news', 'news'],
    ['agreed', 'agre'],
    ['feed', 'feed'],
    ['bled', 'bled'],
    ['troubled', 'troubl'],
    ['filing', 'file'],
    ['abilities', 'abil'],
    ['universities', 'univers'],
    ['states', 'state'],
    ['stating', 'state'],
    ['histories', 'histori'],
    ['historical', 'histor'],
    ['libraries', 'librari'],
    ['generalization', 'general'],
    ['arsenal', 'arsenal'],
    ['controlling', 'control'],
    ['enjoying', 'enjoy'],
    ['innings', 'inning'],
    ['gas', 'gas'],
    ['wars', 'war'],
    ['x1', 'x1'],
    ['año2', 'año2'],
  ])('%s → %s', (word, stem) => expect(stemEnglish(word)).toBe(stem));
});

describe('stemSpanish (light)', () => {
  it.each([
    ['casas', 'casa'],
    ['libros', 'libr'],
    ['libro', 'libr'],
    ['ciudades', 'ciudad'],
    ['ciudad', 'ciudad'],
    ['luces', 'luz'],
    ['naciones', 'nacion'],
    ['papeles', 'papel'],
    ['rapidamente', 'rapid'],
    ['historias', 'histori'],
    ['historia', 'histori'],
    ['mes', 'mes'],
  ])('%s → %s', (word, stem) => expect(stemSpanish(word)).toBe(stem));

  it('conflates singular and plural', () => {
    const pairs: [string, string][] = [
      ['ninos', 'nino'],
      ['leyes', 'ley'],
      ['mujeres', 'mujer'],
    ];
    for (const [a, b] of pairs) expect(stemSpanish(a)).toBe(stemSpanish(b));
  });
});
