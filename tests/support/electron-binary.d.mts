/** The Electron executable, or null when it was never downloaded (found without require('electron'), which would download it). */
export declare function electronBinary(): string | null;
