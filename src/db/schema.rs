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

diesel::table! {
    tours (id) {
        id -> BigInt,
        code -> Text,
        code_key -> Text,
        name -> Text,
        description_en -> Text,
        description_th -> Text,
        description_zh -> Text,
        description_vi -> Text,
        days -> Integer,
        nights -> Integer,
        cities -> Text,
        market -> Text,
        min_pax -> Integer,
        archived -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_key -> Text,
    }
}

diesel::table! {
    tour_days (id) {
        id -> BigInt,
        tour_id -> BigInt,
        position -> Integer,
        title_en -> Text,
        title_th -> Text,
        title_zh -> Text,
        title_vi -> Text,
        text_en -> Text,
        text_th -> Text,
        text_zh -> Text,
        text_vi -> Text,
        overnight_city -> Text,
    }
}

diesel::table! {
    tour_lines (id) {
        id -> BigInt,
        day_id -> BigInt,
        position -> Integer,
        kind -> Text,
        supplier_id -> Nullable<BigInt>,
        room_type_id -> Nullable<BigInt>,
        nights -> Integer,
        vehicle_id -> Nullable<BigInt>,
        transport_use -> Text,
        meal -> Text,
        adults -> Integer,
        children -> Integer,
        guide_id -> Nullable<BigInt>,
        description -> Text,
        cost_minor -> Nullable<BigInt>,
        cost_currency -> Nullable<Text>,
        cost_basis -> Text,
    }
}

diesel::table! {
    costings (tour_id) {
        tour_id -> BigInt,
        starts_on -> Date,
        currency -> Text,
        tiers -> Text,
        foc_per -> Integer,
        foc_room -> Text,
        pricing -> Text,
        percent -> Text,
        step -> Text,
        guide_seats -> Integer,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    costing_rates (tour_id, currency) {
        tour_id -> BigInt,
        currency -> Text,
        rate -> Text,
        set_by -> Nullable<BigInt>,
        set_by_name -> Text,
        set_at -> Timestamp,
    }
}

diesel::table! {
    costing_overrides (line_id) {
        line_id -> BigInt,
        amount_minor -> BigInt,
        currency -> Text,
        set_by -> Nullable<BigInt>,
        set_by_name -> Text,
        set_at -> Timestamp,
    }
}

diesel::table! {
    quotations (id) {
        id -> BigInt,
        number -> Text,
        tour_id -> BigInt,
        agency_id -> BigInt,
        starts_on -> Date,
        currency -> Text,
        valid_until -> Date,
        status -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_key -> Text,
    }
}

diesel::table! {
    quotation_versions (id) {
        id -> BigInt,
        quotation_id -> BigInt,
        version -> Integer,
        status -> Text,
        snapshot -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    tour_groups (id) {
        id -> BigInt,
        code -> Text,
        tour_id -> BigInt,
        agency_id -> BigInt,
        quotation_version_id -> Nullable<BigInt>,
        starts_on -> Date,
        ends_on -> Date,
        market -> Text,
        pax_paying -> Integer,
        pax_foc -> Integer,
        tour_leaders -> Integer,
        status -> Text,
        cancel_reason -> Text,
        notes -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_key -> Text,
    }
}

diesel::joinable!(tour_days -> tours (tour_id));
diesel::joinable!(tour_lines -> tour_days (day_id));
diesel::joinable!(costings -> tours (tour_id));
diesel::joinable!(costing_overrides -> tour_lines (line_id));
diesel::joinable!(quotations -> tours (tour_id));
diesel::joinable!(quotations -> agencies (agency_id));
diesel::joinable!(quotation_versions -> quotations (quotation_id));
diesel::joinable!(tour_groups -> tours (tour_id));
diesel::joinable!(tour_groups -> agencies (agency_id));
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
    code_sequences,
    tours,
    tour_days,
    tour_lines,
    costings,
    costing_rates,
    costing_overrides,
    quotations,
    quotation_versions,
    tour_groups
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
