import { splitLinks } from '../lib/linkify';
import { splitMentions } from '../lib/mentions';

/**
 * Message text as text nodes, with http(s) links as anchors and the mentions the server found
 * marked (mine stand out). Never HTML: React escapes every string.
 */
export function LinkifiedText({ text, mentions = [], me = '' }: { text: string; mentions?: readonly string[]; me?: string }) {
  const meKey = me.toLowerCase();
  return (
    <>
      {splitLinks(text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {segment.text}
          </a>
        ) : (
          <span key={index}>
            {splitMentions(segment.text, mentions).map((part, i) =>
              part.kind === 'mention' ? (
                part.name.toLowerCase() === meKey ? (
                  <mark key={i} className="mention mention-me" data-testid="mention-me">
                    {part.text}
                  </mark>
                ) : (
                  <span key={i} className="mention">
                    {part.text}
                  </span>
                )
              ) : (
                part.text
              ),
            )}
          </span>
        ),
      )}
    </>
  );
}
