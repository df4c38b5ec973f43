package org.empreinte;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.servlet.DispatcherType;

import com.github.benmanes.caffeine.cache.Ticker;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import io.dropwizard.forms.MultiPartBundle;
import io.dropwizard.views.common.ViewBundle;
import org.eclipse.jetty.server.Server;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.empreinte.activity.ActivityExportResource;
import org.empreinte.activity.ActivityImport;
import org.empreinte.activity.Recomputation;
import org.empreinte.activity.ActivityImportPages;
import org.empreinte.activity.ActivityWorkbookResource;
import org.empreinte.activity.ActivityWorkbooks;
import org.empreinte.activity.ActivityImportResource;
import org.empreinte.activity.ActivityPages;
import org.empreinte.activity.MonthlyGridPages;
import org.empreinte.questionnaire.BuildingEnergy;
import org.empreinte.questionnaire.QuestionnairePages;
import org.empreinte.questionnaire.QuestionnaireService;
import org.empreinte.activity.ActivityResource;
import org.empreinte.activity.ActivityFeature;
import org.empreinte.activity.ActivityForm;
import org.empreinte.activity.ActivityService;
import org.empreinte.activity.kind.ActivityKind;
import org.empreinte.calculation.Disclosure;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.activity.RecomputeTask;
import org.empreinte.audit.AuditPages;
import org.empreinte.audit.AuditResource;
import org.empreinte.audit.AuditTrail;
import org.empreinte.auth.AccessFilter;
import org.empreinte.auth.AccountPages;
import org.empreinte.auth.AccountResource;
import org.empreinte.auth.AccountService;
import org.empreinte.auth.AdminPortGuard;
import org.empreinte.auth.AuthFilter;
import org.empreinte.auth.CoordinatorResource;
import org.empreinte.auth.InvitationResource;
import org.empreinte.auth.InvitationService;
import org.empreinte.auth.InvitationLinkPages;
import org.empreinte.auth.TeamPages;
import org.empreinte.auth.TeamService;
import org.empreinte.auth.MemberResource;
import org.empreinte.auth.InvitationLinkLog;
import org.empreinte.auth.SecretMasking;
import org.empreinte.auth.SignInThrottle;
import org.empreinte.auth.TokenAuthenticator;
import org.empreinte.db.DatabaseSetup;
import org.empreinte.factor.AirportResource;
import org.empreinte.factor.NaicsResource;
import org.empreinte.factor.EmissionFactorResource;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.factor.FactorLibraryHealthCheck;
import org.empreinte.factor.FactorLibraryLoader;
import org.empreinte.factor.UncertaintyLoader;
import org.empreinte.factor.UncertaintyTable;
import org.empreinte.factor.FactorPages;
import org.empreinte.footprint.FootprintResource;
import org.empreinte.footprint.FootprintService;
import org.empreinte.footprint.ReportCache;
import org.empreinte.footprint.ReportPages;
import org.empreinte.footprint.ReportResource;
import org.empreinte.inventory.InventoryPages;
import org.empreinte.inventory.InventoryResource;
import org.empreinte.inventory.InventoryService;
import org.empreinte.network.BenchmarkService;
import org.empreinte.mail.Mailer;
import org.empreinte.network.CampaignPages;
import org.empreinte.network.CampaignResource;
import org.empreinte.network.CampaignService;
import org.empreinte.network.NetworkPages;
import org.empreinte.network.NetworkSettingsPages;
import org.empreinte.network.NetworkResource;
import org.empreinte.network.NetworkFigures;
import org.empreinte.network.NetworkService;
import org.empreinte.network.OrganizationNetworksResource;
import org.empreinte.organization.ElectricityContractResource;
import org.empreinte.organization.IntensityDenominators;
import org.empreinte.organization.OrganizationListPages;
import org.empreinte.organization.OrganizationSettingsPages;
import org.empreinte.organization.OrganizationResource;
import org.empreinte.organization.OrganizationService;
import org.empreinte.organization.YearFiguresResource;
import org.empreinte.organization.YearlyFigures;
import org.empreinte.overview.Explanation;
import org.empreinte.overview.OrganizationPages;
import org.empreinte.target.ActionPlan;
import org.empreinte.target.ActionResource;
import org.empreinte.target.TargetPages;
import org.empreinte.target.TargetResource;
import org.empreinte.target.TargetService;
import org.empreinte.tools.BackupCommand;
import org.empreinte.tools.CopyDatabaseCommand;
import org.empreinte.tools.ImportCommand;
import org.empreinte.tools.LoadCommand;
import org.empreinte.web.ApiExceptionMapper;
import org.empreinte.web.ApiRootResource;
import org.empreinte.web.JsonErrorMapper;
import org.empreinte.web.LanguageCookieFilter;
import org.empreinte.web.RequestSizeFilter;
import org.empreinte.web.SecurityHeadersFilter;
import org.empreinte.web.UnexpectedExceptionMapper;
import org.empreinte.web.WebApplicationExceptionMapper;

/** Wires Empreinte by hand: configuration, factor library, database, services, resources and pages. */
public class EmpreinteApplication extends Application<EmpreinteConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmpreinteApplication.class);

    private final Clock clock;
    /** Kinds beyond those shipped: a test adds a made-up one to show that a kind is one class. */
    private final ActivityKind[] extraKinds;

    public EmpreinteApplication() {
        this(Clock.systemUTC());
    }

    public EmpreinteApplication(Clock clock, ActivityKind... extraKinds) {
        this.clock = clock;
        this.extraKinds = extraKinds.clone();
    }

    /** With no arguments, starts the server on {@code config.yml}, so that the README's command stays short. */
    public static void main(String[] args) throws Exception {
        new EmpreinteApplication().run(args.length == 0 ? new String[] {"server", "config.yml"} : args);
    }

    @Override
    public String getName() {
        return "empreinte";
    }

    @Override
    public void initialize(Bootstrap<EmpreinteConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new ViewBundle<>());
        bootstrap.addBundle(new AssetsBundle("/assets/", "/assets/", null, "assets"));
        bootstrap.addBundle(new MultiPartBundle());
        bootstrap.addCommand(new LoadCommand());
        bootstrap.addCommand(new ImportCommand());
        bootstrap.addCommand(new CopyDatabaseCommand());
        bootstrap.addCommand(new BackupCommand());
    }

    @Override
    public void run(EmpreinteConfiguration configuration, Environment environment) {
        // The factor library first: a malformed file stops start-up before anything listens.
        long start = System.nanoTime();
        FactorLibrary library = new FactorLibraryLoader().load(
                Path.of(configuration.getEmissionFactors().getDirectory()),
                configuration.getEmissionFactors().getSelectionOrder());
        LOG.info("Emission factors: {} sets, {} factors, selection order {} ({} ms)", library.sets().size(),
                library.factorCount(), configuration.getEmissionFactors().getSelectionOrder(), (System.nanoTime() - start) / 1_000_000);
        UncertaintyTable uncertainties = UncertaintyLoader.load(Path.of(configuration.getEmissionFactors().getDirectory()));
        start = System.nanoTime();
        Jdbi jdbi = DatabaseSetup.open(environment, configuration.getDataSourceFactory());
        LOG.info("Database ready, schema up to date ({} ms)", (System.nanoTime() - start) / 1_000_000);

        AuditTrail auditTrail = new AuditTrail(jdbi, environment.getObjectMapper(), clock);
        UnitOfWork units = new UnitOfWork(jdbi, auditTrail);
        ActivityFeature activityFeature = ActivityFeature.wire(jdbi, library, environment.getObjectMapper(), clock, auditTrail,
                units, extraKinds);
        ActivityService activities = activityFeature.activities();
        ActivityForm activityFields = new ActivityForm(activityFeature.kinds());
        EmpreinteConfiguration.AuthConfiguration auth = configuration.getAuth();
        AccountService accounts = new AccountService(jdbi, units, clock, auth.getSessionLength().toJavaDuration());
        // activity builds on organization: organization calls back through its ActivityRecompute, never importing activity.
        OrganizationService organizations = new OrganizationService(jdbi, units, clock,
                activityFeature.recomputation()::recomputeOrganization, accounts);
        TokenAuthenticator tokens = new TokenAuthenticator(auth.getAdminToken(), accounts);
        Optional<String> firstAdministrator = accounts.ensureFirstAdministrator(auth.getFirstAdminEmail(),
                auth.getFirstAdminPassword());
        environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
            @Override
            public void serverStarted(Server server) {
                // On the console only, once: the logger's files must never hold a password.
                System.out.print(StartupMessage.text("http://localhost:" + getLocalPort(server), auth.getFirstAdminEmail(),
                        firstAdministrator));
                System.out.flush();
            }
        });
        YearlyFigures yearlyFigures = new YearlyFigures(jdbi, units, clock);
        ReportCache reportCache = new ReportCache(configuration.getReportCache().getMaximumSize(),
                configuration.getReportCache().getExpireAfterAccess().toJavaDuration());
        reportCache.registerMetrics(environment.metrics());
        FootprintService footprints = new FootprintService(jdbi, library, uncertainties, yearlyFigures, reportCache);
        IntensityDenominators denominators = yearlyFigures;
        ActionPlan actionPlan = new ActionPlan(jdbi, units, activityFeature.restatement(), library,
                environment.getObjectMapper(), clock);
        TargetService targets = new TargetService(jdbi, units, footprints, activityFeature.restatement(), actionPlan,
                denominators, library, clock);
        InventoryService inventories = new InventoryService(jdbi, footprints, denominators, units, environment.getObjectMapper(),
                clock);
        ActivityImport imports = activityFeature.imports();
        imports.discardUnpublished();

        environment.healthChecks().register("emission-factors", new FactorLibraryHealthCheck(library));
        environment.admin().addTask(new RecomputeTask(activityFeature.recomputation()));
        environment.admin().addFilter("administrators-only", new AdminPortGuard(tokens))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        SecretMasking.install(auth.getAdminToken());
        InvitationLinkLog.install(configuration.getServerFactory());
        startUpChecks(activityFeature.recomputation());

        environment.servlets().addFilter("security-headers", new SecurityHeadersFilter())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        var jersey = environment.jersey();
        jersey.register(new ApiExceptionMapper());
        jersey.register(new JsonErrorMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());
        jersey.register(new LanguageCookieFilter());
        jersey.register(new RequestSizeFilter(configuration.getLimits().getMaxBodySize().toBytes(),
                configuration.getLimits().getMaxUploadSize().toBytes()));

        jersey.register(new AuthFilter(tokens, accounts));
        jersey.register(new AccessFilter(accounts));
        jersey.register(new AccountResource(accounts));
        InvitationService invitations = new InvitationService(jdbi, units, clock, Mailer.of(configuration.getMail()),
                configuration.getMail().getBaseUrl());
        TeamService team = new TeamService(jdbi, units);
        jersey.register(new MemberResource(accounts, invitations, team));
        jersey.register(new InvitationResource(invitations));
        jersey.register(new AuditResource(auditTrail));
        // organization and activity build on audit: the audit page reaches them through its own two interfaces.
        jersey.register(new AuditPages(auditTrail, orgId -> organizations.get(orgId).name(),
                (orgId, activityId) -> activities.restore(orgId, activityId).id()));
        jersey.register(new CoordinatorResource(accounts));
        // One throttle for signing in and for invitation links: both try secrets from a client's address.
        SignInThrottle throttle = new SignInThrottle(auth.getSignInThrottle().settings(), Ticker.systemTicker());
        jersey.register(new AccountPages(accounts, auth.isSecureCookie(), auth.getSessionLength().toJavaDuration(),
                throttle, invitations));
        jersey.register(new InvitationLinkPages(invitations, accounts, throttle, auth.isSecureCookie(),
                auth.getSessionLength().toJavaDuration()));
        jersey.register(new ApiRootResource());
        jersey.register(new OrganizationResource(organizations));
        jersey.register(new YearFiguresResource(yearlyFigures));
        jersey.register(new ElectricityContractResource(yearlyFigures));
        jersey.register(new ActivityResource(activities));
        jersey.register(new ActivityImportResource(imports));
        jersey.register(new ActivityExportResource(activityFeature.exports()));
        jersey.register(new ActivityWorkbookResource(new ActivityWorkbooks(activityFeature.kinds(), activityFeature.csv(),
                ActivityWorkbooks.naicsCodes(library)), activityFeature.exports()));
        jersey.register(new FootprintResource(footprints, clock));
        jersey.register(new ReportResource(footprints, clock));
        jersey.register(new ReportPages(organizations, footprints, yearlyFigures, clock));
        jersey.register(new TargetResource(targets));
        jersey.register(new ActionResource(actionPlan));
        EmissionFactorResource factorApi = new EmissionFactorResource(library);
        jersey.register(factorApi);
        jersey.register(new AirportResource(library.airports()));
        jersey.register(new NaicsResource(library));

        jersey.register(new OrganizationListPages(organizations));
        jersey.register(new OrganizationSettingsPages(organizations));
        jersey.register(new ActivityPages(activities, activityFields, organizations));
        jersey.register(new MonthlyGridPages(activities, activityFields, organizations, clock));
        jersey.register(new QuestionnairePages(new QuestionnaireService(activities, units), organizations,
                BuildingEnergy.shipped(), clock));
        jersey.register(new ActivityImportPages(imports, activityFeature.csv(), organizations));
        jersey.register(new FactorPages(library, factorApi));
        jersey.register(new TargetPages(targets, actionPlan, organizations, activityFields));

        Disclosure.Rules disclosure = configuration.getDisclosure().rules();
        jersey.register(new InventoryResource(inventories));
        jersey.register(new InventoryPages(inventories, organizations));
        Map<String, Set<Integer>> categoryScopes = new HashMap<>();
        library.sets().forEach(set -> set.factors().forEach(factor ->
                categoryScopes.computeIfAbsent(factor.category(), c -> new TreeSet<>()).add(factor.scope())));
        NetworkService networks = new NetworkService(jdbi, units, inventories, clock);
        NetworkFigures networkFigures = new NetworkFigures(networks, inventories, disclosure,
                category -> categoryScopes.getOrDefault(category, Set.of()));
        BenchmarkService benchmarks = new BenchmarkService(jdbi, inventories, disclosure);
        CampaignService campaigns = new CampaignService(jdbi, networks, networkFigures, inventories, accounts,
                Mailer.of(configuration.getMail()), configuration.getMail().getBaseUrl(), environment.getObjectMapper(), clock);
        jersey.register(new NetworkResource(networks, campaigns, clock, accounts));
        jersey.register(new CampaignResource(campaigns));
        jersey.register(new CampaignPages(networks, campaigns, clock));
        jersey.register(new OrganizationPages(organizations, activities, footprints, inventories, campaigns,
                new Explanation(activities, activityFeature.restatement(), library), library, clock));
        jersey.register(new OrganizationNetworksResource.Memberships(networks, accounts));
        jersey.register(new OrganizationNetworksResource.Benchmarks(benchmarks, clock));
        NetworkPages.Coordinator networkDashboard = new NetworkPages.Coordinator(networks, campaigns, clock, accounts, organizations);
        jersey.register(networkDashboard);
        jersey.register(new NetworkSettingsPages(networks, accounts, networkDashboard));
        jersey.register(new TeamPages(team, invitations, organizations));
        jersey.register(new NetworkPages.Consent(networks, organizations, accounts));
        jersey.register(new NetworkPages.BenchmarkPage(benchmarks, organizations, clock));
    }

    /**
     * Warnings about stored results the library has moved on from. They read every activity (a GROUP BY over them):
     * 15 s of a 23 s start-up with 2 million activities (ScaleBenchmark, 2026-11-29), so they run beside the service,
     * which answers meanwhile: they only warn, and what they warn of is fixed by a task an administrator runs.
     */
    private static void startUpChecks(Recomputation recomputation) {
        Thread checks = new Thread(() -> {
            try {
                recomputation.staleResults().forEach(stale -> LOG.warn("{} activities hold results computed with factor set"
                        + " {} v{}, which the library no longer has: POST /tasks/recompute on the admin port computes them"
                        + " again (?dryRun=true to see what would change)", stale.activities(), stale.factorSet(),
                        stale.factorSetVersion()));
                if (recomputation.someLackTheirLines()) {
                    LOG.warn("Activities stored before change set 18-activity-lines have no upstream or losses line yet (and"
                            + " Canadian electricity counts its losses in scope 2): POST /tasks/recompute on the admin port"
                            + " gives them their lines and says how many moved, with the totals before and after"
                            + " (?dryRun=true first)");
                }
            } catch (RuntimeException e) {
                // A database closed by a stop during the checks: nothing to warn of.
                LOG.debug("Start-up checks of stored results not finished", e);
            }
        }, "start-up-checks");
        checks.setDaemon(true);
        checks.start();
    }
}
