/**
 * The print page (`pack.html`): draws a board pack from a `PackInput` handed to
 * `window.batonRenderPack`, and says when it is laid out, its fonts loaded and its images
 * decoded, so that whoever prints it (the desktop's hidden window, the command line's browser,
 * the app's print preview) prints finished pages.
 *
 * The page is loaded before the pack is known and may be kept for the next one (the desktop
 * keeps it warm): it loads its typeface as soon as it opens, and each pack is drawn from a clean
 * page, nothing left over from the one before.
 */
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { checkPackInput } from '../../shared/pack/settings';
import { RENDER_PACK_GLOBAL, type PackInput, type PackRendered } from '../../shared/pack/types';
import { PackDocument, type PackLayout } from './PackDocument';

let root: Root | null = null;
/** The draw waiting for its layout; a drawing error ends it with that error. */
let pending: { readonly reject: (error: unknown) => void } | null = null;

/** Takes the last pack off the page: its pages, and the mark that it was ready. */
function clear(): void {
  root?.unmount();
  root = null;
  delete document.body.dataset.packReady;
}

function draw(input: PackInput, fontsVersion: number): Promise<PackLayout> {
  const element = document.getElementById('root');
  if (!element) throw new Error('The print page has no #root element.');
  root ??= createRoot(element, {
    // React reports an error while drawing here rather than throwing it: end the draw with it,
    // so that whoever waits for the pack hears what went wrong instead of waiting for ever.
    onUncaughtError: (error) => pending?.reject(error),
  });
  return new Promise<PackLayout>((resolve, reject) => {
    pending = { reject };
    // At once, not in slices between other work: nothing else runs on this page meanwhile.
    flushSync(() =>
      root?.render(
        <StrictMode>
          <PackDocument
            input={input}
            fontsVersion={fontsVersion}
            followFontLoads={false}
            onLaidOut={resolve}
          />
        </StrictMode>,
      ),
    );
  }).finally(() => {
    pending = null;
  });
}

/** Waits for every image of the pack; one that cannot be decoded is hidden, not printed broken. */
async function imagesDecoded(): Promise<void> {
  const images = [...document.querySelectorAll<HTMLImageElement>('.pack img')];
  await Promise.all(
    images.map((image) =>
      image.decode().catch(() => {
        image.hidden = true;
      }),
    ),
  );
}

/**
 * Loads the faces of the pack's typeface that Latin text needs (each weight, Latin and Latin
 * Extended, a few kilobytes each) before the first layout, so that they cannot arrive later and
 * change line heights.
 */
async function latinFontsLoaded(): Promise<void> {
  // A letter from each of the two ranges picks the faces that cover them.
  await Promise.all(
    [400, 500, 600, 700].map((weight) =>
      document.fonts.load(`${weight} 12px Inter`, 'A\u0100').catch(() => []),
    ),
  );
}

/** Asked for as the page opens, so that they are in (or on their way) when a pack arrives. */
const fontsOnOpen = latinFontsLoaded();

async function renderOne(raw: unknown): Promise<PackRendered> {
  clear();
  const checked = checkPackInput(raw);
  if (!checked.ok) throw new Error(checked.error);
  const input = checked.value;
  await fontsOnOpen;
  // At once when they are in; asked again in case the page opened before its styles named them.
  await latinFontsLoaded();
  let layout = await draw(input, 0);
  if (document.fonts.status === 'loading') {
    // Text in another script (Greek, Cyrillic, Vietnamese) needs more of the typeface: once it
    // is in, lines may have changed height, so lay the pack out again.
    await document.fonts.ready;
    layout = await draw(input, 1);
  }
  await imagesDecoded();
  document.body.dataset.packReady = 'true';
  return {
    pageSize: input.settings.pageSize,
    landscape: input.settings.orientation === 'landscape',
    pages: layout.total,
  };
}

/** The pack being drawn: a pack handed over meanwhile waits for it, one page holds one pack. */
let drawing: Promise<unknown> = Promise.resolve();

const renderPack = (raw: unknown): Promise<PackRendered> => {
  const next = drawing.then(() => renderOne(raw));
  drawing = next.catch(() => undefined);
  return next;
};

(window as unknown as Record<string, unknown>)[RENDER_PACK_GLOBAL] = renderPack;
