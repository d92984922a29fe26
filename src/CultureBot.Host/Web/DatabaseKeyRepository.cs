using System.Xml.Linq;
using CultureBot.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CultureBot.Host.Web;

/// <summary>Data Protection's key ring in the database (see <see cref="SqlKeyRing"/>): every instance and restart reads the same keys.</summary>
internal sealed class DatabaseKeyRepository(SqlKeyRing ring) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => [.. ring.GetAll().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName) =>
        ring.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
