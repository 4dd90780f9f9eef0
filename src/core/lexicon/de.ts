// German word lists for quote attribution. Data only; see index.ts for what each key means.
import type { Lexicon } from './types';

const words = (s: string): string[] => s.split(/[\s,]+/).filter((w) => w !== '');
const list = (s: string): string[] => s.trim().split(/\s*\|\s*/);
/** Past-tense verbs with their plural ("erklärte" → "erklärten"): the lists name the singular once. */
const withPlurals = (verbs: string[]): string[] => [
  ...new Set(verbs.flatMap((v) => (/^\p{L}+te$/u.test(v) ? [v, `${v}n`] : [v]))),
];

export const de: Lexicon = {
  speechVerbs: withPlurals(
    list(`
    sagte | sagt | sagten | sagen | gesagt | erklärte | erklärt | erklärten | betonte | betont | nannte | nennt | meinte |
    meint | fügte hinzu | fügte | ergänzte | ergänzt | warnte | warnt | schrieb | schreibt | twitterte | antwortete |
    antwortet | fragte | fragt | kritisierte | kritisiert | forderte | fordert | sprach | spricht | so | teilte mit |
    teilte | versicherte | räumte ein | kündigte an | bekräftigte | unterstrich | erwiderte | entgegnete | behauptete |
    behauptet | berichtete | berichtet | bestätigte | sagte am | hieß es | heißt es | zitiert | zitierte | bezeichnete |
    bezeichnet | lobte | mahnte | appellierte | verkündete | gab zu | hatte gesagt | hat gesagt | äußerte | äußert |
    äußerten | begründete | begründet | bekräftigt | lautete | lautet | rief | ruft | riefen | skandierte | skandierten |
    verwies | verweist | kommentierte | kommentiert | erläuterte | erläutert | verteidigte | versprach | stellte klar |
    ließ verlauten | beklagte | beklagt | bemängelte | betonten | erklärten | warnten | kritisierten | forderten |
    meinten | nannten | schrieben | sprachen | zeigte sich | mitteilte | verkündet | warf vor | wirft vor | hält |
    hielt | sieht | sah | bezeichneten | bestätigt | versichert | unterstreicht | ergänzten | sagt | schreiben |
    gab bekannt | gibt bekannt | gab an | gibt an | führte aus | führt aus | schätzte ein | riet | rät | rieten |
    erinnerte sich | würdigte | würdigt | bezweifelte | bezweifelt | bekundete | bekundet | beschrieb | beschreibt |
    warb | wirbt | befand | verlangte | verlangt | bemerkte | bemerkt | urteilte | urteilt | resümierte | bilanzierte |
    schilderte | schildert | bestritt | bestreitet | dementierte | wies zurück | weist zurück | wies hin | weist hin |
    gestand | gesteht | klagte | klagt | beteuerte | beteuert | erwähnte | wurde zitiert | wird zitiert | zitiert wird |
    gab … bekannt | gibt … bekannt | gab … an | teilte … mit | teilt … mit | fügte … hinzu | führte … aus | führt … aus |
    räumte … ein | räumt … ein | kündigte … an | kündigt … an | stellte … klar | stellt … klar | wies … hin |
    wies … zurück | weist … zurück | gab … zu | schätzte … ein | gab … zu bedenken | wird … zitiert | wurde … zitiert |
    ließ … verlauten | meldete | meldet
  `),
  ),
  accordingTo: list('laut | nach angaben von | zufolge | so'),
  betweenWords: words(
    'auch, noch, dann, später, sich, bereits, erneut, am, gestern, heute, montag, dienstag, mittwoch, donnerstag, freitag, samstag, sonntag, dazu, zudem, außerdem, bei, einer, pressekonferenz',
  ),
  pronouns: { male: ['er'], female: ['sie'], plural: ['sie'], neuter: ['es'] },
  relatives: ['der', 'die', 'welcher', 'welche'],
  determiners: words(
    'der, die, das, den, dem, des, ein, eine, einer, einem, eines, sein, seine, seiner, ihr, ihre, ihrer',
  ),
  roleNouns: words(
    'sprecher, sprecherin, führer, führerin, leiter, leiterin, direktor, direktorin, vorstand, senator, senatorin, politiker, politikerin, botschafter, sekretär, kommissar, kommissarin, beauftragte, beauftragter, experte, wissenschaftler, forscher, ermittler, demonstranten, kritiker, gegner, befürworter, vertreter, vertreterin, oberbürgermeister, oberbürgermeisterin, minister, ministerin, kanzler, kanzlerin, präsident, präsidentin, chef, chefin, bürgermeister, bürgermeisterin, richter, richterin, trainer, trainerin, kapitän, experte, expertin, abgeordnete, abgeordneter, vorsitzende, vorsitzender, generalsekretär, anwalt, anwältin, staatsanwalt, sprecherin, beamte, beamter, kreise, quelle, quellen, regierungssprecher',
  ),
  orgWords: words(
    'unternehmen, konzern, firma, partei, ministerium, regierung, behörde, polizei, gewerkschaft, verband, gericht, bundesregierung, kommission, verein, bank, nato, ag, gmbh',
  ),
  titles: words(
    'Bundeskanzler, Bundeskanzlerin, Kanzler, Kanzlerin, Präsident, Präsidentin, Bundespräsident, Minister, Ministerin, Bundesminister, Bundesministerin, Generalsekretär, Bürgermeister, Bürgermeisterin, Oberbürgermeister, Oberbürgermeisterin, Ministerpräsident, Ministerpräsidentin, Chef, Chefin, Vorsitzende, Vorsitzender, Sprecher, Sprecherin, Trainer, Kapitän, Richter, Prof., Professor, Dr.',
  ),
  honorifics: { Herr: 'male', Herrn: 'male', Frau: 'female' },
  nonNames: words(
    'Der, Die, Das, Den, Dem, Des, Ein, Eine, Einer, Und, Oder, Aber, Doch, Denn, In, Im, Am, An, Auf, Aus, Bei, Mit, Nach, Von, Vom, Zu, Zum, Zur, Für, Über, Unter, Vor, Wie, Wenn, Als, Dass, Es, Er, Sie, Wir, Ich, Man, Auch, Noch, Nun, Dann, Heute, Gestern, Montag, Dienstag, Mittwoch, Donnerstag, Freitag, Samstag, Sonntag, Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember, So, Laut, Dies, Diese, Dieser, Das',
  ),
  prepositions: words(
    'in, im, ins, an, am, ans, auf, aus, bei, beim, mit, nach, von, vom, zu, zum, zur, für, über, unter, vor, gegen, gegenüber, seit, durch, ohne, um, wegen, während, zwischen, neben, hinter, trotz, außer, gemäß',
  ),
  genitives: words('des, der, von, vom'),
  subordinators: words(
    'als, wenn, während, obwohl, obgleich, weil, da, nachdem, bevor, seit, seitdem, falls, sobald, solange, indem, ob',
  ),
  nameParticles: words('von, van, der, de, zu, vom'),
  verbSecond: true,
  capitalisedNouns: true,
  nounMarkers: words(
    'der, die, das, den, dem, des, ein, eine, einer, einem, eines, einen, kein, keine, keinen, keinem, sein, seine, seiner, seinem, seinen, ihr, ihre, ihrer, ihrem, ihren, dieser, diese, dieses, diesem, diesen, jeder, jede, jedes, in, im, ins, vor, nach, auf, mit, bei, beim, von, vom, zu, zum, zur, für, über, unter, gegen, gegenüber, seit, aus, durch, ohne, um, am, an, ans, wegen, während',
  ),
  adjectiveEndings: ['e', 'en', 'er', 'es', 'em'],
  objectDeterminers: words('dem, den, des, einem, einen, eines, einer, seinem, seinen, seines, ihrem, ihren, ihres'),
  definiteArticles: words('der, die, das'),
  // de-wikinews train: of 185 short capitalised quotes after a noun, 3 are speech; after these words, 3 of 105.
  quotedNameAfter: words('der, die, das, den, dem, des, von, vom'),
  ageSuffixes: ['-jährige', '-jähriger'],
  // Konjunktiv I of the third person, in the forms that differ from the indicative ("sei" / "ist").
  reportedMood: words(
    'sei, seien, habe, werde, könne, müsse, solle, wolle, dürfe, möge, wisse, gebe, gehe, komme, stehe, liege, lasse, bleibe, brauche, fehle, zeige, trage, führe, halte, sehe, rechne, plane, erwarte, bestehe, drohe, gelte, handle, mache',
  ),
  // de-wikinews train: 0.5 lowers speaker accuracy 60.6 → 57.5% (the silver gold names organisations).
  cardMinConfidence: 0,
  addresseeVerbs: [],
  selfPronouns: words('ich, wir, du'),
  agentPrepositions: words('mit, durch'),
};
