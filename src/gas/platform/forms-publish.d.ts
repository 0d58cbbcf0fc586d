/**
 * Methods Google added to FormApp's Form when forms made by scripts began to start unpublished
 * (30 June 2026, "Publish and manage responders"), which `@types/google-apps-script` does not know yet.
 */
declare namespace GoogleAppsScript.Forms {
  interface Form {
    /** Publishes (true) or unpublishes the form; publishing also makes it accept responses. */
    setPublished(enabled: boolean): Form;
    isPublished(): boolean;
    /** False for a legacy form (no publish settings): there isPublished/setPublished throw. */
    supportsAdvancedResponderPermissions(): boolean;
  }
}
