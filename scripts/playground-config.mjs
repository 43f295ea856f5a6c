/**
 * The Microsoft 365 Agents Playground's config (.m365agentsplayground.yml, schema 0.1.1 as the
 * Playground package ships it: version, tenantId, bot, currentUser, exactly five users, each with
 * id, name, userPrincipleName (sic), aadObjectId, givenName, surname and email, and personalChat,
 * groupChat, team with at most one extra channel). Pure: demo users in, config object out. The
 * file is written as JSON, which is YAML too.
 */
export const PLAYGROUND_SCHEMA = 'https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json';

/** One demo user as a Playground user (invented addresses on .invalid; no real mailbox). */
function person(u, i) {
  const [givenName, ...rest] = String(u.name).trim().split(/\s+/);
  return {
    id: `user-${i}`,
    name: u.name,
    userPrincipleName: `${u.id}@polku.invalid`,
    aadObjectId: u.id,
    givenName: givenName || u.name,
    surname: rest.join(' ') || u.name,
    email: `${u.id}@polku.invalid`,
  };
}

/**
 * @param {{ id: string, name: string }} me the demo user the Playground acts as
 * @param {Array<{ id: string, name: string }>} others the other demo users (five are taken)
 */
export function playgroundConfig(me, others) {
  const five = others.filter((u) => u.id !== me.id).slice(0, 5);
  if (five.length < 5) throw new Error(`the Playground needs five other users; Polku has ${five.length} other demo users`);
  return {
    version: '0.1.1',
    tenantId: '00000000-0000-4000-8000-000000000001',
    bot: { id: '00000000-0000-4000-8000-000000000011', name: 'Polku' },
    currentUser: person(me, 0),
    users: five.map((u, i) => person(u, i + 1)),
    personalChat: { id: 'polku-personal-chat' },
    groupChat: { id: 'polku-group-chat', name: 'SAP-ryhmä' },
    team: { id: 'polku-team', name: 'Asiakasohjaus', aadGroupId: '00000000-0000-4000-8000-000000000031', channels: [{ id: 'polku-channel-sap', name: 'SAP' }] },
  };
}

/** The file's text: a schema hint for editors, then the config as JSON. */
export const playgroundYaml = (config) => `# yaml-language-server: $schema=${PLAYGROUND_SCHEMA}\n# Written by npm run playground (scripts/playground.mjs); changes are overwritten.\n${JSON.stringify(config, null, 2)}\n`;
