-- btree_gist lets one GiST index hold the country (equality) and the name (trigrams), so finding an
-- organisation's look-alikes in its country probes only that country's names.
CREATE EXTENSION IF NOT EXISTS btree_gist;
