-- What an API token may do through the Open311 GeoReport v2 interface: whether it may send
-- service requests (reports) at all, and for which service codes (kinds of behaviour). Reading
-- Open311 needs no token. Tokens issued before this stay read-only for Open311.
ALTER TABLE api_token
    ADD COLUMN open311_write    BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN open311_services VARCHAR(500) NULL COMMENT 'comma-separated category codes; NULL = every service';
