//! Roles and permissions. **The one place** where roles map to permissions.
//!
//! Every handler names the permission it needs; `tests/it/access.rs` walks every route with
//! every role and checks the answer against [`Role::permits`].

use serde::Serialize;
use std::fmt;

/// A staff member's role in the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Role {
    Admin,
    Manager,
    Sales,
    Operations,
    Accountant,
    Viewer,
}

/// One action a handler may perform. Named for what it allows, not for who has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Perm {
    /// See the dashboard.
    DashboardView,
    /// Change one's own password and language.
    AccountEdit,
    /// See the agency's settings overview.
    SettingsView,
    /// Change the agency's settings that are its own to change (its time zone).
    SettingsEdit,
    /// Create users, change their roles, disable them, reset their passwords.
    UsersManage,
    /// Read the audit log.
    AuditView,
    /// See hotels, transport companies, restaurants, attractions and shops with their rates.
    SuppliersView,
    /// Create, edit and archive suppliers, room types, seasonal rates and vehicles; import
    /// hotel rate sheets.
    SuppliersEdit,
    /// See guides and their calendars.
    GuidesView,
    /// Create, edit and archive guides; import guides.
    GuidesEdit,
    /// See client agencies.
    AgenciesView,
    /// Create, edit and archive client agencies; import them.
    AgenciesEdit,
    /// See exchange rates.
    RatesView,
    /// Add and edit exchange rates; import them.
    RatesEdit,
    /// See costs, margins and profits: costing sheets, the cost side of quotations and
    /// groups. Without it, itineraries and groups show without their money.
    CostsView,
    /// See tours and their itineraries.
    ToursView,
    /// Create, edit, copy and archive tours and their itineraries.
    ToursEdit,
    /// Change a tour's costing sheet: tiers, pricing, planning rates, rate overrides.
    CostingEdit,
    /// See quotations and print them.
    QuotationsView,
    /// Create quotations and their versions, send, accept and decline them.
    QuotationsEdit,
    /// See groups (departures) and their calendar.
    GroupsView,
    /// Create groups and move them through their statuses.
    GroupsEdit,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?} (roles: admin, manager, sales, operations, accountant, viewer)")]
pub struct UnknownRole(pub String);

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::Manager,
        Role::Sales,
        Role::Operations,
        Role::Accountant,
        Role::Viewer,
    ];

    /// The role → permission matrix.
    pub fn permissions(self) -> &'static [Perm] {
        use Perm::*;
        match self {
            Role::Admin => &[
                DashboardView,
                AccountEdit,
                SettingsView,
                SettingsEdit,
                UsersManage,
                AuditView,
                SuppliersView,
                SuppliersEdit,
                GuidesView,
                GuidesEdit,
                AgenciesView,
                AgenciesEdit,
                RatesView,
                RatesEdit,
                CostsView,
                ToursView,
                ToursEdit,
                CostingEdit,
                QuotationsView,
                QuotationsEdit,
                GroupsView,
                GroupsEdit,
            ],
            // Managers run the agency: they read and correct all master data.
            Role::Manager => &[
                DashboardView,
                AccountEdit,
                SettingsView,
                SuppliersView,
                SuppliersEdit,
                GuidesView,
                GuidesEdit,
                AgenciesView,
                AgenciesEdit,
                RatesView,
                RatesEdit,
                CostsView,
                ToursView,
                ToursEdit,
                CostingEdit,
                QuotationsView,
                QuotationsEdit,
                GroupsView,
                GroupsEdit,
            ],
            // Sales own the client agencies: their terms, contacts and languages. The rest they
            // read, to quote.
            Role::Sales => &[
                DashboardView,
                AccountEdit,
                SuppliersView,
                GuidesView,
                AgenciesView,
                AgenciesEdit,
                RatesView,
                CostsView,
                ToursView,
                ToursEdit,
                CostingEdit,
                QuotationsView,
                QuotationsEdit,
                GroupsView,
                GroupsEdit,
            ],
            // Operations own the suppliers and guides they book; clients and rates they read.
            Role::Operations => &[
                DashboardView,
                AccountEdit,
                SuppliersView,
                SuppliersEdit,
                GuidesView,
                GuidesEdit,
                AgenciesView,
                RatesView,
                ToursView,
                ToursEdit,
                QuotationsView,
                GroupsView,
                GroupsEdit,
            ],
            // Accountants keep the rate table the books convert with; the rest they read.
            Role::Accountant => &[
                DashboardView,
                AccountEdit,
                SuppliersView,
                GuidesView,
                AgenciesView,
                RatesView,
                RatesEdit,
                CostsView,
                ToursView,
                QuotationsView,
                GroupsView,
            ],
            Role::Viewer => &[
                DashboardView,
                AccountEdit,
                SuppliersView,
                GuidesView,
                AgenciesView,
                RatesView,
                ToursView,
                QuotationsView,
                GroupsView,
            ],
        }
    }

    pub fn permits(self, perm: Perm) -> bool {
        self.permissions().contains(&perm)
    }

    pub fn parse(raw: &str) -> Result<Role, UnknownRole> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == raw.trim().to_ascii_lowercase())
            .ok_or_else(|| UnknownRole(raw.to_owned()))
    }

    /// The value stored in the database and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Sales => "sales",
            Role::Operations => "operations",
            Role::Accountant => "accountant",
            Role::Viewer => "viewer",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_holds_every_permission_the_others_hold() {
        for role in Role::ALL {
            for perm in role.permissions() {
                assert!(
                    Role::Admin.permits(*perm),
                    "{role} has {perm:?} but admin lacks it"
                );
            }
        }
    }

    #[test]
    fn only_admins_change_the_agencys_settings() {
        for role in Role::ALL {
            assert_eq!(
                role.permits(Perm::SettingsEdit),
                role == Role::Admin,
                "{role}"
            );
        }
    }

    #[test]
    fn only_admins_manage_users() {
        for role in Role::ALL {
            assert_eq!(
                role.permits(Perm::UsersManage),
                role == Role::Admin,
                "{role}"
            );
        }
    }

    #[test]
    fn each_kind_of_master_data_has_its_owners_and_everyone_reads_it() {
        use Role::*;
        let owners = [
            (Perm::SuppliersEdit, vec![Admin, Manager, Operations]),
            (Perm::GuidesEdit, vec![Admin, Manager, Operations]),
            (Perm::AgenciesEdit, vec![Admin, Manager, Sales]),
            (Perm::RatesEdit, vec![Admin, Manager, Accountant]),
        ];
        for role in Role::ALL {
            for view in [
                Perm::SuppliersView,
                Perm::GuidesView,
                Perm::AgenciesView,
                Perm::RatesView,
            ] {
                assert!(role.permits(view), "{role} reads {view:?}");
            }
            for (edit, who) in &owners {
                assert_eq!(role.permits(*edit), who.contains(&role), "{role} {edit:?}");
            }
        }
    }

    #[test]
    fn operations_and_viewers_see_tours_and_groups_without_their_money() {
        let sees = |r: Role| r.permits(Perm::CostsView);
        let who: Vec<Role> = Role::ALL.into_iter().filter(|r| sees(*r)).collect();
        assert_eq!(
            who,
            vec![Role::Admin, Role::Manager, Role::Sales, Role::Accountant]
        );
    }

    #[test]
    fn sales_price_and_quote_operations_run_the_groups_and_everyone_reads_them() {
        use Role::*;
        let owners = [
            (Perm::ToursEdit, vec![Admin, Manager, Sales, Operations]),
            (Perm::CostingEdit, vec![Admin, Manager, Sales]),
            (Perm::QuotationsEdit, vec![Admin, Manager, Sales]),
            (Perm::GroupsEdit, vec![Admin, Manager, Sales, Operations]),
        ];
        for role in Role::ALL {
            for view in [Perm::ToursView, Perm::QuotationsView, Perm::GroupsView] {
                assert!(role.permits(view), "{role} reads {view:?}");
            }
            for (edit, who) in &owners {
                assert_eq!(role.permits(*edit), who.contains(&role), "{role} {edit:?}");
            }
        }
    }

    #[test]
    fn roles_parse_from_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert!(Role::parse("owner").is_err());
    }
}
