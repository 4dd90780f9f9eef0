// French word lists for quote attribution. Data only; see index.ts for what each key means.
import type { Lexicon } from './types';

const words = (s: string): string[] => s.split(/[\s,]+/).filter((w) => w !== '');
const list = (s: string): string[] => s.trim().split(/\s*\|\s*/);

export const fr: Lexicon = {
  speechVerbs: list(`
    a déclaré | a dit | a ajouté | a expliqué | a affirmé | a estimé | a souligné | a insisté | a assuré | a averti |
    a écrit | a tweeté | a répondu | a indiqué | a précisé | a martelé | a lancé | a confié | a jugé | a rappelé |
    a-t-il déclaré | a-t-elle déclaré | a-t-il dit | a-t-elle dit | a-t-il ajouté | a-t-elle ajouté | a-t-il expliqué |
    a-t-elle expliqué | a-t-il affirmé | a-t-elle affirmé | a-t-il estimé | a-t-elle estimé | a-t-il souligné |
    a-t-elle souligné | a-t-il assuré | a-t-elle assuré | a-t-il lancé | a-t-elle lancé | a-t-il précisé |
    a-t-elle précisé | déclare | dit | ajoute | explique | affirme | estime | souligne | assure | écrit | répond |
    indique | précise | lance | confie | déclarait | disait | ajoutait | expliquait | affirmait | estimait | qualifié |
    a qualifié | a-t-il | a-t-elle | ont déclaré | ont dit | ont affirmé | déclarent | disent
  `),
  accordingTo: list("selon | d’après | d'après"),
  betweenWords: words(
    'aussi, également, encore, alors, ensuite, lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, hier, aujourd’hui',
  ),
  pronouns: { male: ['il', 't-il'], female: ['elle', 't-elle'], plural: ['ils', 'elles'], neuter: [] },
  relatives: ['qui'],
  determiners: words('le, la, les, l’, un, une, des, du, ce, cette'),
  roleNouns: words(
    'porte-parole, ministre, président, présidente, maire, juge, chef, secrétaire, directeur, directrice, entraîneur, capitaine, avocat, avocate, procureur, député, députée, sénateur, sénatrice, expert, experte, responsable, source, sources, syndicaliste, dirigeant, dirigeante',
  ),
  orgWords: words(
    'entreprise, société, groupe, parti, ministère, gouvernement, syndicat, police, tribunal, commission, association, mairie, otan, élysée',
  ),
  titles: words(
    'Président, Présidente, Ministre, Premier, Première, Secrétaire, Général, Générale, Maire, Juge, Chef, Directeur, Directrice, Porte-parole, Sénateur, Sénatrice, Député, Députée, Dr, Pr',
  ),
  honorifics: { M: 'male', 'M.': 'male', Mme: 'female', 'Mme.': 'female', Mlle: 'female' },
  nonNames: words(
    'Le, La, Les, L, Un, Une, Des, Du, De, Et, Ou, Mais, Donc, Car, Dans, En, Au, Aux, Sur, Sous, Pour, Par, Avec, Sans, Selon, Après, Avant, Depuis, Pendant, Comme, Si, Quand, Que, Qui, Ce, Cette, Ces, Il, Elle, Ils, Elles, On, Nous, Vous, Je, Lundi, Mardi, Mercredi, Jeudi, Vendredi, Samedi, Dimanche, Janvier, Février, Mars, Avril, Mai, Juin, Juillet, Août, Septembre, Octobre, Novembre, Décembre, Mme, Alors, Aussi, Puis, Hier',
  ),
  prepositions: words(
    'à, au, aux, de, du, des, en, dans, sur, pour, par, avec, sans, sous, chez, contre, vers, entre, après, avant, pendant, comme, depuis, devant, derrière',
  ),
  genitives: words('de, du, des, d'),
  subordinators: words('quand, lorsque, lorsqu, pendant, bien, parce, puisque, si, comme, avant, après, depuis'),
  nameParticles: words('de, du, des, le, la, d’'),
  verbSecond: false,
  capitalisedNouns: false,
  nounMarkers: [],
  adjectiveEndings: [],
  objectDeterminers: [],
  definiteArticles: words('le, la, les, l'),
  quotedNameAfter: [],
  ageSuffixes: [],
  reportedMood: [],
  // No French train data to choose a value on.
  cardMinConfidence: 0,
  addresseeVerbs: [],
  selfPronouns: words('je, j, nous, tu, vous'),
  agentPrepositions: words('avec, par'),
};
