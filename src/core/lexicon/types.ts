// The shape of a language's word lists, and the names list all languages share. Data only.

export interface Lexicon {
  /** Speech verbs and verb phrases, lower case, any inflection the language writes ("said", "a déclaré"). */
  speechVerbs: string[];
  /** Cues whose speaker comes after them ("according to X"). */
  accordingTo: string[];
  /** Words allowed between a speaker and the speech verb ("also", "has", "later"). */
  betweenWords: string[];
  pronouns: { male: string[]; female: string[]; plural: string[]; neuter: string[] };
  /** Relative pronouns that point back to the name before them ("X, who said …"). */
  relatives: string[];
  /** Determiners that open a role or organisation phrase ("the mayor", "a spokesperson"). */
  determiners: string[];
  /** Nouns naming what a person is ("mayor", "spokesperson", "captain"). */
  roleNouns: string[];
  /** Nouns naming a group that can speak ("company", "ministry"). */
  orgWords: string[];
  /** Capitalised words written before a name that say what the person is ("Senator", "Gen."). */
  titles: string[];
  /** Forms of address that are neither role nor name ("Mr.", "Frau"); value = gender. */
  honorifics: Record<string, 'male' | 'female'>;
  /** Capitalised words that never start or continue a name (sentence openers, days, months). */
  nonNames: string[];
  /** Prepositions: a name right after one is an object or a place, not the speaker ("in Salem", "über Fossett"). */
  prepositions: string[];
  /** Words that open a genitive attribute after a noun ("the head of the union", "der Chef des Verbands"). */
  genitives: string[];
  /** Words that open a clause before the main one ("When Ruiz left, …", "Als Müller ging, …"). */
  subordinators: string[];
  /** Lower-case particles inside names ("de", "van"). */
  nameParticles: string[];
  /** True when the language capitalises every noun (German): a capitalised word is then no evidence of a name. */
  capitalisedNouns: boolean;
  /**
   * True when the finite verb comes second in a main clause (German): after an opening phrase the subject
   * follows the verb ("Dazu sagte der Minister: …", "Über Fossett sagte Branson: …").
   */
  verbSecond: boolean;
  /**
   * Lower-case words after which a capitalised run is a noun phrase unless it holds a known first name
   * (German articles and prepositions: "vor dem Düsseldorfer Konzert", "der Linkspolitiker Wolfgang Nešković").
   */
  nounMarkers: string[];
  /** Endings of inflected adjectives between an article and its noun ("der neue Sprecher"); empty where unused. */
  adjectiveEndings: string[];
  /** Determiners that never open a subject (German dative and genitive forms: "einem Interview", "des Eises"). */
  objectDeterminers: string[];
  /** Definite articles: "the mayor" describes someone the article has named ("ein Sprecher" does not). */
  definiteArticles: string[];
  /**
   * Words right before a short capitalised quotation that make it the name of a thing, not someone's words
   * (German articles and "von": „der „Kurier“", „des „Hafenblatts“", „von „Kanal Neun“"); empty where unused.
   * Where every noun is capitalised, a noun right before it names it too ("der Sender „Kanal Neun“").
   */
  quotedNameAfter: string[];
  /** Endings of age descriptions that stand for a person ("the 56-year-old", "der 23-Jährige"). */
  ageSuffixes: string[];
  /**
   * Verb forms that mark reported speech by their mood (German Konjunktiv I: "sei", "habe", "könne"): a
   * sentence holding one goes on reporting the speaker of the sentence before it. Empty where unused.
   */
  reportedMood: string[];
  /**
   * A card for a name the entity data does not know for a person (an organisation, a place, a word beside a
   * scare quote) needs one quote the model is this sure of, else its quotes go to Unattributed; 0: no such
   * gate. Chosen per language on its train data (issue 12).
   */
  cardMinConfidence: number;
  /** Speech verbs whose object is the one spoken to, not the speaker ("told Ada Frey: …" names the listener). */
  addresseeVerbs: string[];
  /**
   * First- and second-person subject pronouns: right before a speech verb they are its subject (the writer,
   * the reader), so the sentence's first name does not speak ("Try it, where we called it “…”").
   */
  selfPronouns: string[];
  /** Prepositions whose object still does the speaking ("with Ada Frey calling it …", "sent by Ada Frey"). */
  agentPrepositions: string[];
}

/** Common first names with a clear gender, for pronoun agreement; one list for all languages. */
export const FIRST_NAMES: { male: string[]; female: string[] } = {
  male: 'donald barack bernie ted marco ben jeb chris john paul mike mark david james robert michael william richard joseph thomas charles daniel matthew anthony steven kevin brian george edward ronald jason jeff jeffrey ryan jacob gary eric stephen larry justin scott brandon frank benjamin gregory samuel raymond patrick alexander jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny rand mitch newt reince corey bill tim tom dick hank al rick rudy vladimir olaf jonas hans klaus jürgen wolfgang pierre jean jacques françois nicolas'.split(
    ' ',
  ),
  female:
    'hillary carly sarah nancy elizabeth mary patricia jennifer linda barbara susan jessica karen lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla ivanka melania chelsea huma kellyanne hope michele nikki elizabeth condoleezza ursula marine ségolène anne christine priya'.split(
      ' ',
    ),
};
