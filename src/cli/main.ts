/** The `claimlens` command line. */
export async function main(_argv: readonly string[]): Promise<number> {
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
