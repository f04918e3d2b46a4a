import { type Detector, type Finding, groupSpan, matchesOf } from '../detector.ts';

// Keys and tokens whose vendors give them a recognisable prefix or layout. `group` names the part that is the
// credential when the shape includes its surroundings (a webhook URL keeps its host readable).

interface Shape {
  re: RegExp;
  group?: number;
  /** A further check for shapes whose prefix alone could start an ordinary word. */
  accept?: (token: string) => boolean;
}

const B = '(?<![A-Za-z0-9_-])';
const E = '(?![A-Za-z0-9_-])';
const shape = (body: string, extra: Omit<Shape, 're'> = {}): Shape => ({
  re: new RegExp(`${B}${body}${E}`, 'dg'),
  ...extra,
});
const mixed = (token: string) => /\d/.test(token) && /[A-Za-z]/.test(token);

const SHAPES: Shape[] = [
  shape('(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z0-9]{16}'), // AWS access key ids
  shape('gh[pousr]_[A-Za-z0-9]{36,251}'), // GitHub
  shape('github_pat_[A-Za-z0-9_]{22,255}'),
  shape('gl(?:pat|dt|rt|ptt|cbt|imt|oas|ft|agent)-[A-Za-z0-9_-]{20,64}'), // GitLab
  shape('xox[abeoprs]-[A-Za-z0-9-]{10,255}'), // Slack tokens
  shape('xapp-\\d-[A-Z0-9]{8,16}-\\d{8,16}-[a-f0-9]{32,80}'),
  { re: /hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9_/-]{20,128})/dg, group: 1 },
  { re: /discord(?:app)?\.com\/api\/webhooks\/(\d{15,22}\/[\w-]{40,100})/dg, group: 1 },
  shape('(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,255}'), // Stripe
  shape('whsec_[A-Za-z0-9+/=]{24,64}'),
  // OpenAI, Anthropic, OpenRouter and the many services that copied the sk- prefix.
  shape('sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin|sid)\\d{2}-|or-v1-)?[A-Za-z0-9_-]{20,255}', { accept: mixed }),
  shape('AIza[0-9A-Za-z_-]{35}'), // Google API keys
  shape('GOCSPX-[A-Za-z0-9_-]{28}'),
  shape('ya29\\.[0-9A-Za-z_-]{20,2048}'),
  shape('npm_[A-Za-z0-9]{36}'),
  shape('hf_[A-Za-z0-9]{30,40}'), // Hugging Face
  shape('SG\\.[\\w-]{16,32}\\.[\\w-]{16,64}'), // SendGrid
  shape('do[opr]_v1_[a-f0-9]{64}'), // DigitalOcean
  shape('shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}'), // Shopify
  shape('key-[0-9a-f]{32}'), // Mailgun
  shape('\\d{8,10}:AA[A-Za-z0-9_-]{33}'), // Telegram bots
  shape('pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,255}'),
  shape('SK[0-9a-f]{32}'), // Twilio API keys
  shape('sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}'), // Square
  shape('ATATT3[A-Za-z0-9_=-]{100,255}'), // Atlassian
  shape('lin_api_[A-Za-z0-9]{40}'), // Linear
  shape('(?:secret|ntn)_[A-Za-z0-9]{40,50}', { accept: mixed }), // Notion
  shape('dapi[a-f0-9]{32}(?:-\\d)?'), // Databricks
  shape('hv[sbr]\\.[A-Za-z0-9_-]{24,255}'), // Vault
  shape('dp\\.(?:st|sa|ct|scim|audit)\\.[A-Za-z0-9_.-]{40,128}'), // Doppler
  shape('AGE-SECRET-KEY-1[0-9A-Z]{58}'),
  shape('glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}'), // Grafana
  shape('PMAK-[a-f0-9]{24}-[a-f0-9]{34}'), // Postman
  shape('NRAK-[A-Z0-9]{27}'), // New Relic
  shape('HRKU-[A-Za-z0-9_-]{60}'), // Heroku
  shape('gsk_[A-Za-z0-9]{52}'), // Groq
  shape('r8_[A-Za-z0-9]{37}'), // Replicate
  shape('pplx-[A-Za-z0-9]{48}'), // Perplexity
  shape('figd_[A-Za-z0-9_-]{40}'), // Figma
  shape('sbp_[a-f0-9]{40}'), // Supabase
  shape('sntry[su]_[A-Za-z0-9+/=_]{40,255}'), // Sentry
];

export const apiKeyDetector: Detector = {
  name: 'api-key',
  find(text) {
    const found: Finding[] = [];
    for (const { re, group, accept } of SHAPES) {
      for (const m of matchesOf(re, text)) {
        const [start, end] = group === undefined ? [m.index, m.index + m[0].length] : (groupSpan(m, group) ?? [0, 0]);
        if (end > start && (!accept || accept(text.slice(start, end)))) found.push({ start, end, type: 'API_KEY' });
      }
    }
    return found;
  },
};
