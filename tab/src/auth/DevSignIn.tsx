/**
 * Development sign-in: pick a demo user. Exists only when the server runs with dev sign-in
 * (GET /api/dev/users answers 404 in production: then the tab asks to be opened in Teams).
 */
import {
  Avatar,
  Badge,
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../api/errors';
import type { DevSession } from '../host/session';
import { ErrorState, LoadingState } from '../components/QueryState';
import { LanguageMenu } from '../shell/LanguageMenu';
import { DevBanner } from './DevBanner';

interface DevUser {
  id: string;
  name: string;
  roles: string[];
  locale?: string;
}

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  main: {
    flex: 1,
    display: 'flex',
    justifyContent: 'center',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
  },
  card: { width: '100%', maxWidth: '640px', padding: tokens.spacingHorizontalXXL, gap: tokens.spacingVerticalL },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  user: {
    width: '100%',
    justifyContent: 'flex-start',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minHeight: '52px',
  },
  who: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', textAlign: 'left', gap: '2px' },
  roles: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const r = await fetch(path, { ...init, headers: { 'content-type': 'application/json', accept: 'application/json' } });
  if (!r.ok) {
    const body = (await r.json().catch(() => ({}))) as { code?: string };
    throw new ApiError({ status: r.status, code: body.code ?? `http.${r.status}` });
  }
  return (await r.json()) as T;
}

export default function DevSignIn({ onSignedIn }: { onSignedIn: (s: DevSession) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const users = useQuery({
    queryKey: ['dev-users'],
    queryFn: () => getJson<{ users: DevUser[] }>('/api/dev/users'),
    retry: false,
  });
  const signIn = useMutation({
    mutationFn: (userId: string) =>
      getJson<{ token: string; user: DevUser }>('/api/dev/token', { method: 'POST', body: JSON.stringify({ userId }) }),
    onSuccess: (r) => onSignedIn({ token: r.token, user: r.user }),
  });

  const production = users.isError && isApiError(users.error) && users.error.status === 404;

  return (
    <div className={styles.page}>
      {!production && <DevBanner />}
      <main className={styles.main} id="main">
        <Card className={styles.card}>
          <div className={styles.head}>
            <Title1 as="h1">{t('app.name')}</Title1>
            <LanguageMenu />
          </div>
          {production ? (
            <MessageBar intent="info">
              <MessageBarBody>
                <MessageBarTitle>{t('signIn.openInTeamsTitle')}</MessageBarTitle>
                {t('signIn.openInTeams')}
              </MessageBarBody>
            </MessageBar>
          ) : users.isPending ? (
            <LoadingState />
          ) : users.isError ? (
            <ErrorState error={users.error} onRetry={() => void users.refetch()} />
          ) : (
            <>
              <Text as="h2" size={400} weight="semibold">
                {t('signIn.pickUser')}
              </Text>
              <Text>{t('signIn.pickUserHelp')}</Text>
              {signIn.isError && <ErrorState error={signIn.error} />}
              <ul className={styles.list} aria-label={t('signIn.users')}>
                {users.data.users.map((u) => (
                  <li key={u.id}>
                    <Button
                      className={styles.user}
                      appearance="subtle"
                      disabled={signIn.isPending}
                      onClick={() => signIn.mutate(u.id)}
                      data-user={u.id}
                    >
                      <Avatar name={u.name} size={32} aria-hidden />
                      <span className={styles.who}>
                        <Text weight="semibold">{u.name}</Text>
                        <span className={styles.roles}>
                          {u.roles.map((r) => (
                            <Badge key={r} appearance="tint" color="informative" size="small">
                              {t(`roles.${r}`, { defaultValue: r })}
                            </Badge>
                          ))}
                        </span>
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      </main>
    </div>
  );
}
