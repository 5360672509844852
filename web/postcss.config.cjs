// Mantine's PostCSS preset: `light-dark()`, `rem()` and `@mixin` helpers in the app's CSS modules.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
