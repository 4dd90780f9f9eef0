import { describe, expect, it } from 'vitest';
import { analyse } from './speakers-helpers';

describe('pronouns and the sentences around them', () => {
  it('a quotation ending in a full stop ends its sentence', () => {
    const { who } = analyse(
      '<p>“The pier stays shut,” Jo Ruiz said. “It was never safe.” Tom Hale dislikes what he calls panic.</p>',
    );
    expect(who).toEqual(['Jo Ruiz', 'Jo Ruiz']);
  });
  it('he/she may stand for a one-word name the article has speak elsewhere', () => {
    const { who } = analyse(
      '<p>“The pier is unsafe,” Ruiz said.</p><p>On Monday, Tom Hale met the divers. Ruiz toured the harbour.</p><p>“We will reopen it soon,” he said.</p>',
    );
    expect(who).toEqual(['Ruiz', 'Ruiz']);
  });
  it('he/she may stand for a one-word name with a title', () => {
    const { who } = analyse(
      '<p>“The pier is unsafe,” Jo Ruiz said.</p><p>Mayor Lind toured the harbour.</p><p>“We will reopen it soon,” he said.</p>',
    );
    expect(who).toEqual(['Jo Ruiz', 'Lind']);
  });
  it('a pronoun leading an earlier sentence carries its person over the names after it', () => {
    const { who } = analyse(
      '<p>“The budget is fair,” Jo Ruiz said.</p><p>She later met Ann Lee at the port.</p><p>“We agreed on the pier,” she said.</p>',
    );
    expect(who).toEqual(['Jo Ruiz', 'Jo Ruiz']);
  });
});
