import { agencyName } from './wire-names.js';
import { NameBook, type NameMention } from './names.js';
import { UNNAMED_SOURCE } from './source-phrase.js';

/** What the story has named so far, for reading "the company", "the report", "it", "the people" back. */
export class Discourse {
  readonly names = new NameBook();
  private lastOrganisation: string | null = null;
  private lastPersonName: string | null = null;
  private lastMediaName: string | null = null;
  private lastUnnamedSource: string | null = null;
  private readonly kinds = new Map<string, 'organisation' | 'person' | 'media'>();
  private readonly organisations: string[] = [];
  private lastStatementBy: string | null = null;

  /** Records the names a sentence mentions, in order. */
  mention(mentions: readonly NameMention[]): void {
    for (const mention of mentions) {
      const name = this.names.note(mention.name);
      const kind = this.kinds.get(name) ?? (mention.media ? 'media' : mention.person ? 'person' : 'organisation');
      this.kinds.set(name, kind);
      if (kind === 'person') this.lastPersonName = name;
      else if (kind === 'media') this.lastMediaName = name;
      else {
        this.lastOrganisation = name;
        this.organisations.push(name);
      }
    }
  }

  /** The organisation named last whose name has `word` in it: "the association" after "Regional Pilots Association". */
  organisationCalled(word: string): string | null {
    const wanted = word.toLowerCase();
    for (let i = this.organisations.length - 1; i >= 0; i--) {
      const name = this.organisations[i]!;
      if (name.toLowerCase().split(/\s+/).includes(wanted)) return name;
    }
    return null;
  }

  /**
   * Records who made a claim, so later references to a report, a person or "the people" find it. A source that
   * reported what someone else did ("The Information reported …") is a publication; a company that "reported a
   * profit" is not, so `asPublication` says which.
   */
  credit(origin: string, asPublication: boolean): void {
    if (UNNAMED_SOURCE.test(origin)) {
      this.lastUnnamedSource = origin;
      return;
    }
    if (/^\p{Lu}/u.test(origin)) this.names.note(origin);
    const kind = this.kinds.get(origin);
    const media = asPublication || agencyName(origin) !== null;
    if (media && kind !== 'person') {
      this.kinds.set(origin, 'media');
      this.lastMediaName = origin;
      if (this.lastOrganisation === origin) this.lastOrganisation = null;
    }
  }

  /** Records who spoke through a statement, filing or release, for a later "according to the statement". */
  issued(origin: string): void {
    this.lastStatementBy = origin;
  }

  get statementBy(): string | null {
    return this.lastStatementBy;
  }

  /** The last `count` different organisations named, oldest first; `null` when fewer were. */
  lastOrganisations(count: number): string[] | null {
    const found: string[] = [];
    for (let i = this.organisations.length - 1; i >= 0 && found.length < count; i--) {
      const name = this.organisations[i]!;
      if (!found.includes(name)) found.unshift(name);
    }
    return found.length === count ? found : null;
  }

  get organisation(): string | null {
    return this.lastOrganisation;
  }

  get person(): string | null {
    return this.lastPersonName;
  }

  get media(): string | null {
    return this.lastMediaName;
  }

  get unnamed(): string | null {
    return this.lastUnnamedSource;
  }

  isMedia(name: string): boolean {
    return this.kinds.get(name) === 'media';
  }
}
