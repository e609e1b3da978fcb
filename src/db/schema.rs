//! The tables, written once for both backends with portable types only.

diesel::table! {
    tenant_settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        display_name -> Text,
        role -> Text,
        locale -> Nullable<Text>,
        password_hash -> Text,
        must_change_password -> Bool,
        disabled -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_key -> Text,
        year_style -> Text,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        token_hash -> Text,
        user_id -> BigInt,
        csrf_token -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sign_in_failures (id) {
        id -> BigInt,
        scope -> Text,
        subject -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        user_id -> Nullable<BigInt>,
        actor -> Nullable<Text>,
        action -> Text,
        entity -> Nullable<Text>,
        entity_id -> Nullable<Text>,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        client_addr -> Nullable<Text>,
    }
}

diesel::table! {
    suppliers (id) {
        id -> BigInt,
        kind -> Text,
        name -> Text,
        local_name -> Text,
        city -> Text,
        country -> Text,
        address -> Text,
        contact_name -> Text,
        phone -> Text,
        email -> Text,
        currency -> Text,
        notes -> Text,
        stars -> Nullable<Integer>,
        breakfast_minor -> Nullable<BigInt>,
        lunch_minor -> Nullable<BigInt>,
        dinner_minor -> Nullable<BigInt>,
        adult_minor -> Nullable<BigInt>,
        child_minor -> Nullable<BigInt>,
        shop_kind -> Text,
        commission_basis -> Nullable<Text>,
        commission_percent -> Nullable<Text>,
        commission_per_head_minor -> Nullable<BigInt>,
        split_agency -> Nullable<Text>,
        split_guide -> Nullable<Text>,
        split_driver -> Nullable<Text>,
        archived -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        name_key -> Text,
        city_key -> Text,
        search_key -> Text,
    }
}

diesel::table! {
    room_types (id) {
        id -> BigInt,
        supplier_id -> BigInt,
        kind -> Text,
        name -> Text,
        max_occupancy -> Integer,
        archived -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        name_key -> Text,
    }
}

diesel::table! {
    room_rates (id) {
        id -> BigInt,
        room_type_id -> BigInt,
        season -> Text,
        starts_on -> Date,
        ends_on -> Date,
        rate_minor -> BigInt,
        currency -> Text,
        archived -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        extra_bed_minor -> Nullable<BigInt>,
        child_minor -> Nullable<BigInt>,
        child_from_age -> Nullable<Integer>,
        child_to_age -> Nullable<Integer>,
        breakfast -> Text,
        breakfast_minor -> Nullable<BigInt>,
        single_supplement_minor -> Nullable<BigInt>,
        min_nights -> Integer,
        complimentary -> Bool,
    }
}

diesel::table! {
    vehicles (id) {
        id -> BigInt,
        supplier_id -> BigInt,
        vehicle_type -> Text,
        seats -> Integer,
        plate -> Text,
        day_rate_minor -> BigInt,
        transfer_rate_minor -> BigInt,
        archived -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    guides (id) {
        id -> BigInt,
        name -> Text,
        local_name -> Text,
        phone -> Text,
        email -> Text,
        licence_number -> Text,
        licence_expires_on -> Nullable<Date>,
        daily_fee_minor -> BigInt,
        currency -> Text,
        active -> Bool,
        notes -> Text,
        archived -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        name_key -> Text,
        search_key -> Text,
    }
}

diesel::table! {
    guide_languages (id) {
        id -> BigInt,
        guide_id -> BigInt,
        language -> Text,
        level -> Text,
    }
}

diesel::table! {
    agencies (id) {
        id -> BigInt,
        name -> Text,
        country -> Text,
        market -> Text,
        language -> Text,
        currency -> Text,
        credit_days -> Integer,
        credit_limit_minor -> BigInt,
        contact_name -> Text,
        phone -> Text,
        email -> Text,
        notes -> Text,
        archived -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        name_key -> Text,
        search_key -> Text,
    }
}

diesel::table! {
    exchange_rates (id) {
        id -> BigInt,
        rate_date -> Date,
        from_currency -> Text,
        to_currency -> Text,
        rate -> Text,
        source -> Text,
        locked -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_key -> Text,
    }
}

diesel::table! {
    import_batches (id) {
        id -> BigInt,
        kind -> Text,
        user_id -> BigInt,
        file_name -> Text,
        rows_json -> Text,
        error_count -> Integer,
        created_at -> Timestamp,
        committed_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(audit_log -> users (user_id));
diesel::table! {
    hotel_contracts (supplier_id) {
        supplier_id -> BigInt,
        reference -> Text,
        valid_from -> Date,
        valid_to -> Date,
        notes -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    peak_surcharges (id) {
        id -> BigInt,
        supplier_id -> BigInt,
        room_type_id -> Nullable<BigInt>,
        name -> Text,
        starts_on -> Date,
        ends_on -> Date,
        amount_minor -> BigInt,
        currency -> Text,
        min_nights -> Integer,
        archived -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    allotments (id) {
        id -> BigInt,
        room_type_id -> BigInt,
        starts_on -> Date,
        ends_on -> Date,
        rooms -> Integer,
        release_days -> Integer,
        archived -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    code_sequences (kind, year) {
        kind -> Text,
        year -> Integer,
        last -> BigInt,
    }
}

diesel::joinable!(hotel_contracts -> suppliers (supplier_id));
diesel::joinable!(peak_surcharges -> suppliers (supplier_id));
diesel::joinable!(allotments -> room_types (room_type_id));
diesel::joinable!(room_types -> suppliers (supplier_id));
diesel::joinable!(room_rates -> room_types (room_type_id));
diesel::joinable!(vehicles -> suppliers (supplier_id));
diesel::joinable!(guide_languages -> guides (guide_id));
diesel::joinable!(import_batches -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(
    tenant_settings,
    users,
    sessions,
    sign_in_failures,
    audit_log,
    suppliers,
    room_types,
    room_rates,
    vehicles,
    guides,
    guide_languages,
    agencies,
    exchange_rates,
    contacts,
    import_batches,
    hotel_contracts,
    peak_surcharges,
    allotments,
    code_sequences
);

diesel::table! {
    contacts (id) {
        id -> BigInt,
        party_kind -> Text,
        party_id -> BigInt,
        name -> Text,
        position -> Text,
        phone -> Text,
        email -> Text,
        notes -> Text,
        archived -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_key -> Text,
    }
}

diesel::table! {
    anonymous_refusals (client_addr, minute) {
        client_addr -> Text,
        minute -> Timestamp,
        count -> BigInt,
    }
}
