// A quirk of happy-dom 21's HTML parser (capricorn86/happy-dom#2231, open): a <style> or <script>
// inside an <svg> starts raw text that its own end tag never ends, so everything after it is
// dropped. The SVG element keeps its lower-case name ("style") and the parser compares the end
// tag upper-cased ("STYLE"). Browsers parse such pages whole; in the CLI, cnet's <body> was one
// icon <svg> and its article was lost. Until happy-dom fixes it, the end tag of an SVG raw-text
// element is matched here without case, and the element is closed as happy-dom closes an HTML
// <style>: its text added, then the element appended to its parent. Imported by parse-html.ts.
import HTMLParser from 'happy-dom/lib/html-parser/HTMLParser.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The parser's own state that closing a raw-text element touches (private in its types). */
interface ParserState {
  currentNode: Node | null;
  rootNode: Node | null;
  nodeStack: Node[];
  tagNameStack: (string | null)[];
  readState: string;
}
type RawText = (this: ParserState, tagName: string, text: string) => void;

const proto = HTMLParser.prototype as unknown as { parseRawTextElementContent?: RawText };
const original = proto.parseRawTextElementContent;

/** True once the parser is patched (false if happy-dom's parser no longer has the method). */
export const SVG_RAW_TEXT_PATCHED = typeof original === 'function';

if (original) {
  proto.parseRawTextElementContent = function (this: ParserState, tagName: string, text: string): void {
    const el = this.currentNode as Element | null;
    const upper = tagName.toUpperCase();
    if (el?.namespaceURI !== SVG_NS || el.tagName === upper || el.tagName.toUpperCase() !== upper) {
      original.call(this, tagName, text);
      return;
    }
    el.appendChild(el.ownerDocument.createTextNode(text));
    this.nodeStack.pop();
    this.tagNameStack.pop();
    this.currentNode = this.nodeStack[this.nodeStack.length - 1] ?? this.rootNode;
    this.readState = 'any';
    this.currentNode?.appendChild(el);
  };
}
