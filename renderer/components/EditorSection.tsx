import { useId, type ReactNode } from 'react';

/** A titled section of an editor panel (an initiative's, an objective's): a heading and its fields. */
export function EditorSection({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="editor__section" aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      {children}
    </section>
  );
}
