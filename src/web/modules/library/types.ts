export interface PublicationRow {
  id: string;
  title: string;
  typeCode: string;
  publishedOn: string | null;
  isPublic: boolean;
}

export interface PublicationFile {
  id: string;
  fileGroupId: string;
  versionNo: number;
  fileName: string;
  byteSize: number;
  extraction: string;
  pageCount: number | null;
  downloadUrl: string;
  previewUrl: string;
}

export interface Publication {
  id: string;
  title: string;
  localTitle: string;
  type: { code: string; label: string };
  abstract: string;
  authors: { kind: 'organisation' | 'person'; id: string; name: string }[];
  authorOrganisationIds: string[];
  authorPersonIds: string[];
  languages: string[];
  countries: { code: string; label: string }[];
  themes: { code: string; label: string }[];
  publishedOn: string | null;
  isPublic: boolean;
  programmeId: string | null;
  files: PublicationFile[];
  version: number;
  abilities: Record<string, boolean>;
}
