using Generator.Tests.Support;

namespace Generator.Tests.PreCommit;

/// <summary>
/// The hook as users meet it: the real pre-commit client (Debian's package, installed by tests/setup-tools.sh), in a
/// repository of its own, installs <c>llamastack-tracing-lint</c> from a git repository holding this working tree (and
/// nothing beside it), and runs it on real <c>git commit</c>s.
/// </summary>
public sealed class PreCommitHookTests(PreCommitHookTests.InstalledHook hook) : IClassFixture<PreCommitHookTests.InstalledHook>
{
    [Fact]
    public void InstalledHook_IsANativeExecutable()
    {
        var bytes = File.ReadAllBytes(hook.Executable);

        Assert.Equal("\u007fELF"u8.ToArray(), bytes[..4]);
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(hook.Executable)!, "*.dll"));
    }

    [Fact]
    public void Commit_OfACleanStack_WithOrdinaryYamlBeside_Passes()
    {
        var user = hook.NewUserRepository();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "out", "manifests")))
        {
            File.Copy(file, Path.Combine(user, "deploy", Path.GetFileName(file)));
        }

        Write(user, ".github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n");
        Write(user, "docker-compose.yaml", "services:\n  collector:\n    image: otel/opentelemetry-collector:0.159.0\n    ports: [\"4318:4318\"]\n");
        Write(user, "chart/values.yaml", "replicas: 2\nimage:\n  tag: 1.0.0\n");

        var commit = hook.Commit(user, "a clean tracing stack");

        Assert.True(commit.Succeeded, commit.ToString());
        Assert.Matches(@"LlamaStack tracing lint\.+Passed", commit.Stdout + commit.Stderr);
    }

    [Fact]
    public void Commit_WithABrokenManifest_FailsWithExitOne_AndTheFindings()
    {
        var user = hook.NewUserRepository();
        Write(user, "deploy/tempo.yaml", """
            apiVersion: tempo.grafana.com/v1alpha1
            kind: TempoMonolithic
            metadata:
              name: tracing
              namespace: openshift-tempo-operator
            spec:
              storage:
                traces:
                  backend: memory
              queryFrontend:
                maxRecvMsgSize: 20971520

            """);

        var commit = hook.Commit(user, "a stack with a pruned field");
        var output = commit.Stdout + commit.Stderr;

        Assert.False(commit.Succeeded, commit.ToString());
        Assert.Matches(@"LlamaStack tracing lint\.+Failed", output);
        Assert.Contains("- exit code: 1", output, StringComparison.Ordinal);
        Assert.Contains("deploy/tempo.yaml:10:3: error schema-pruned-field: spec.queryFrontend: unknown field \"queryFrontend\"", output, StringComparison.Ordinal);
        Assert.Equal("0", hook.Git(user, "rev-list", "--all", "--count").Stdout.Trim());
    }

    [Theory]
    [InlineData("collector:\n  replcas: 2\n  replicas: 1.0\ntempo:\n  storage:\n    backend: minio\n")]
    [InlineData("tempo:\n  storage:\n    backend: s3\n  jaegerUi:\n    ingress:\n      enabled: true\nllamaStack:\n  extraEnv:\n    - name: API_TOKEN\n      value: abc\n")]
    public void InstalledExecutable_RejectsBadOptions_AsTheGeneratorDoes(string options)
    {
        // The native build evaluates the options schema with JsonSchema.Net trimmed and compiled ahead of time.
        var dir = Directory.CreateTempSubdirectory().FullName;
        var file = Path.Combine(dir, "options.yaml");
        File.WriteAllText(file, options);
        string[] arguments = ["render", "--options", file, "--out", Path.Combine(dir, "out")];

        var native = ExternalTool.RunProgram(hook.Executable, arguments);
        var inProcess = CliRunner.Run(arguments);

        Assert.Equal((2, 2), (inProcess.ExitCode, native.ExitCode));
        Assert.Equal(inProcess.Stderr, native.Stderr);
        Assert.Contains($"{file}:2:3: error: ", native.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    private static void Write(string repository, string relativePath, string content)
    {
        var path = Path.Combine(repository, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>
    /// A git repository holding this working tree (tracked and new files, as a commit), in a temporary folder with nothing
    /// beside it, and the hook installed from it once by the real pre-commit client (a NativeAOT pack takes a minute).
    /// </summary>
    public sealed class InstalledHook : IDisposable
    {
        private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

        private readonly string _root = Path.Combine(Path.GetTempPath(), "generator-precommit-" + Guid.NewGuid().ToString("N"));
        private readonly string _hookRepository;
        private readonly string _rev;
        private int _users;

        public InstalledHook()
        {
            _hookRepository = Path.Combine(_root, "hook", "generator");
            CopyWorkingTree(_hookRepository);
            Git(_hookRepository, "init", "-q");
            Git(_hookRepository, "add", "-A");
            Git(_hookRepository, "commit", "-q", "-m", "the working tree under test");
            _rev = Git(_hookRepository, "rev-parse", "HEAD").Stdout.Trim();

            var installer = NewUserRepository();
            var install = ExternalTool.Run("pre-commit", ["install-hooks"], Environment, InstallTimeout, workingDirectory: installer);
            Assert.True(install.Succeeded, install.ToString());
            Executable = Directory.EnumerateFiles(Path.Combine(_root, "pre-commit-home"), "llamastack-tracing", SearchOption.AllDirectories)
                .Select(f => new FileInfo(f).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? f)
                .Single();
        }

        /// <summary>The file the hook's command resolves to in pre-commit's environment.</summary>
        public string Executable { get; }

        private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
        {
            ["PRE_COMMIT_HOME"] = Path.Combine(_root, "pre-commit-home"),
            ["GIT_AUTHOR_NAME"] = "test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.com",
            ["GIT_COMMITTER_NAME"] = "test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.com",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };

        /// <summary>A new repository whose .pre-commit-config.yaml uses the hook, with the git hook installed.</summary>
        public string NewUserRepository()
        {
            var path = Path.Combine(_root, "user-" + Interlocked.Increment(ref _users));
            Directory.CreateDirectory(Path.Combine(path, "deploy"));
            Git(path, "init", "-q");
            File.WriteAllText(Path.Combine(path, ".pre-commit-config.yaml"), $"""
                repos:
                  - repo: {_hookRepository}
                    rev: {_rev}
                    hooks:
                      - id: llamastack-tracing-lint

                """);
            var install = ExternalTool.Run("pre-commit", ["install"], Environment, workingDirectory: path);
            Assert.True(install.Succeeded, install.ToString());
            return path;
        }

        /// <summary><c>git add -A</c> and <c>git commit</c>, which runs the hook.</summary>
        public ToolRun Commit(string repository, string message)
        {
            Git(repository, "add", "-A");
            return ExternalTool.RunProgram("git", ["commit", "-q", "-m", message], Environment, TimeSpan.FromMinutes(2), workingDirectory: repository);
        }

        public ToolRun Git(string repository, params string[] arguments)
        {
            var run = ExternalTool.RunProgram("git", arguments, Environment, workingDirectory: repository);
            Assert.True(run.Succeeded, run.ToString());
            return run;
        }

        public void Dispose()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }

        private static void CopyWorkingTree(string target)
        {
            var listing = ExternalTool.RunProgram("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], workingDirectory: TestPaths.RepoRoot);
            Assert.True(listing.Succeeded, listing.ToString());
            foreach (var file in listing.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
            {
                var source = Path.Combine(TestPaths.RepoRoot, file);
                if (!File.Exists(source))
                {
                    continue; // deleted in the working tree, not yet in the index
                }

                var copy = Path.Combine(target, file);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(source, copy);
            }
        }
    }
}
