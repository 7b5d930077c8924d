import {
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import type { HostTheme } from './host/teams-host';

/** Teams' own Fluent themes, picked from the host's theme name. */
export const fluentTheme = (theme: HostTheme): Theme =>
  theme === 'dark' ? teamsDarkTheme : theme === 'contrast' ? teamsHighContrastTheme : teamsLightTheme;
