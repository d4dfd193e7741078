// Core messages in VS Code's display language.

import * as vscode from 'vscode';
import { langFromDisplay, render, type Lang, type Msg } from '../core/l10n/message';

export const displayLang = (): Lang => langFromDisplay(vscode.env.language);

export const show = (m: Msg): string => render(m, displayLang());
