/** The name of the OS account Baton runs under: the default for "your name" in the history. */
import os from 'node:os';

type UserInfo = () => { readonly username: string };

/**
 * The account's user name, or undefined when there is none to give: `os.userInfo()` throws
 * where the user has no entry in the system's user database (some containers and services).
 */
export function osUserName(userInfo: UserInfo = () => os.userInfo()): string | undefined {
  try {
    const name = userInfo().username.trim();
    return name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}
