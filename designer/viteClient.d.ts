// Vite's import suffixes (`?worker` for the layout and monaco workers, CSS files) typed
// for the designer; these types describe the browser side only.
/// <reference types="vite/client" />
