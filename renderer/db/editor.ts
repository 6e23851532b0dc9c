/** Who makes the edits of this window, as the change history records it. */
let editor: () => string = () => '';

/** Tells the store where to find the name of who is editing (the profile in Settings). */
export function setEditorName(name: () => string): void {
  editor = name;
}

/** The name the change history records for an edit made now; empty when none is set. */
export function editorName(): string {
  return editor();
}
