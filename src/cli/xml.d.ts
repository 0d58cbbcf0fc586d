// The XML writer docx itself uses (its `Packer` bundles the same package): `toDocx` writes the rows of a long
// table with it, one at a time. Only the call made here is typed.
declare module 'xml' {
  function xml(input: unknown): string;
  export default xml;
}
