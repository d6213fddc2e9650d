// @ts-check
import eslintPluginAstro from "eslint-plugin-astro";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "node_modules/", ".astro/", "bench-results/", "tests/fixtures/**/output.html"] },
  ...tseslint.configs.strict,
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // With noUncheckedIndexedAccess, `!` after a checked index is the plain way to say "present".
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);
