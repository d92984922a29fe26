using System.Data.Common;
using Microsoft.Extensions.Options;

namespace CultureBot.Data;

/// <summary>Stops the host at start with a sentence naming the storage setting to fix (never echoing a password).</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.TryParse<StorageProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider must be Sqlite or Postgres, not '{options.Provider}'.");
        }

        if (provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:ConnectionString must be set when Storage:Provider is Postgres (an Npgsql connection string such as Host=db;Database=culturebot;Username=culturebot;Password=...).");
        }

        try
        {
            DbConnectionStringBuilder builder = provider == StorageProvider.Postgres
                ? new Npgsql.NpgsqlConnectionStringBuilder(options.EffectiveConnectionString)
                : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.EffectiveConnectionString);
            _ = builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the string, password included: name the setting only.
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid {provider} connection string.");
        }

        return ValidateOptionsResult.Success;
    }
}
