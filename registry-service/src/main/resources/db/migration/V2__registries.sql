-- 检查对象名录库 and 执法检查人员名录库 (issue #4). Each row holds the full state its events carry.

-- 检查对象: organisations by their code, individuals by the keyed hash of their ID number.
create table target_entity (
    id                        uuid primary key,                          -- UUIDv7: time-ordered, appends to the index
    seq                       bigint generated always as identity unique, -- registration order, the keyset of searches
    code                      text collate "C" not null unique,         -- USCC / 注册号 / 组织机构代码, or HMAC of the ID number
    code_kind                 text        not null check (code_kind in ('USCC', 'REGISTRATION_NUMBER', 'ORGANIZATION_CODE', 'RESIDENT_ID_HASH')),
    resident_id_sealed        bytea,                                      -- AES-256-GCM; never stored in clear
    resident_id_masked        text,                                       -- 410402********1234
    name                      text        not null,
    target_types              text[]      not null,
    region                    text        not null check (region ~ '^[0-9]{6}$'),
    address                   text,
    credit_class              text check (credit_class in ('A', 'B', 'C', 'D')),
    credit_class_date         date,
    complaints_last_12_months integer     not null default 0 check (complaints_last_12_months >= 0),
    serious_violation         boolean     not null default false,
    abnormal_operation        boolean     not null default false,
    insured                   boolean     not null default false,
    registered_on             date,
    deregistered_on           date,
    deregistration_reason     text,
    -- maintained from InspectionClosed: matter code -> last inspection date; the count of the year
    last_inspected_by_matter  jsonb       not null default '{}',
    inspections_this_year     integer     not null default 0 check (inspections_this_year >= 0),
    inspections_year          integer     not null,
    version                   bigint      not null default 0,
    -- the import job and row that last wrote the entity: a code twice in one file is caught by it
    import_job                uuid,
    import_row                bigint,
    created_by                text        not null,
    created_at                timestamptz not null default now(),
    updated_by                text        not null,
    updated_at                timestamptz not null default now(),
    check ((code_kind = 'RESIDENT_ID_HASH') = (resident_id_sealed is not null)),
    check (cardinality(target_types) >= 1)
);
-- No index on region or target_types: a county's page (region = X order by seq) rides the seq index,
-- and every extra index taxes each row of a bulk import (measured: region +1.1 s, GIN far more, per 200,000 rows).

-- 执法检查人员, with leaves and conflict-of-interest declarations (利害关系申报) as part of their state.
create table inspector (
    id                 uuid primary key,
    seq                bigint generated always as identity unique,
    name               text        not null,
    certificate_number text unique,                                      -- 执法证号; only certified staff are drawn
    department         text        not null,
    region             text        not null check (region ~ '^[0-9]{6}$'),
    expertise          text[]      not null default '{}',
    status             text        not null check (status in ('ACTIVE', 'ON_LEAVE', 'RETIRED')),
    leaves             jsonb       not null default '[]',                -- [{from, to}]
    conflicts          jsonb       not null default '[]',                -- [{entityId, reason, declaredOn}]
    retired_on         date,
    retirement_reason  text,
    version            bigint      not null default 0,
    import_job         uuid,
    import_row         bigint,
    created_by         text        not null,
    created_at         timestamptz not null default now(),
    updated_by         text        not null,
    updated_at         timestamptz not null default now(),
    check ((status = 'RETIRED') = (retired_on is not null))
);
create index inspector_region on inspector (region, seq);
