/**
 * Headings of the pack at the right depth: on the print page the pack's title is the level-1
 * heading; inside the app's preview the whole pack sits below the app's own headings.
 */
import { createContext, useContext, type ReactNode } from 'react';

/** Levels added to every pack heading (0 on the print page, 2 inside the app). */
export const HeadingShift = createContext(0);

export function Heading({
  level,
  className,
  children,
}: {
  readonly level: 1 | 2 | 3 | 4;
  readonly className: string;
  readonly children: ReactNode;
}) {
  const shifted = Math.min(6, level + useContext(HeadingShift));
  const Tag = `h${shifted}` as 'h1';
  return <Tag className={className}>{children}</Tag>;
}
