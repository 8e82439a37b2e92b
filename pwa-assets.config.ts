/**
 * Icons and Apple splash screens, all generated from ONE source image (public/logo.svg) by `npm run icons`
 * (@vite-pwa/assets-generator). The PNGs are committed, so building needs no image tooling.
 */
import { combinePresetAndAppleSplashScreens, defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

// Light and dark splash backgrounds match the manifest background and the dark theme colour.
const LIGHT = '#f7f5f0';
const DARK = '#14201c';
// Maskable and Apple icons are cropped/rounded by the OS: fill the whole square with the brand green.
const BRAND = '#2f6f5e';

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: combinePresetAndAppleSplashScreens(
    {
      ...minimal2023Preset,
      maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: BRAND } },
      apple: { sizes: [180], padding: 0.12, resizeOptions: { background: BRAND } },
    },
    {
      padding: 0.3,
      resizeOptions: { background: LIGHT, fit: 'contain' },
      darkResizeOptions: { background: DARK, fit: 'contain' },
      linkMediaOptions: { log: true, addMediaScreen: true, basePath: './', xhtml: false },
      png: { compressionLevel: 9, quality: 60 },
    },
    // The app is portrait-first on phones; these cover every distinct iPhone screen size in the generator's list.
    [
      'iPhone 17 Pro Max',
      'iPhone 17 Pro',
      'iPhone Air',
      'iPhone 16 Pro Max',
      'iPhone 16 Pro',
      'iPhone 16 Plus',
      'iPhone 16',
      'iPhone 16e',
      'iPhone 13 mini',
      'iPhone 11 Pro Max',
      'iPhone 11',
      'iPhone 11 Pro',
      'iPhone 8 Plus',
      'iPhone SE 4.7"',
      'iPhone SE 4"',
    ],
  ),
  images: ['public/logo.svg'],
});
