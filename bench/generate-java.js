/**
 * A synthetic Spring monolith for the Java benchmark: `files` classes in 50 feature packages, each a
 * @Service with two injected collaborators, calls, a JPA entity every tenth class, a repository
 * interface every twentieth, and a JDBC query string now and then. Deterministic (seeded).
 */
import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../fixtures/build-shop-history.mjs';

export function generateJava(root, { files = 5000, seed = 3 } = {}) {
  const random = mulberry32(seed);
  fs.rmSync(root, { recursive: true, force: true });
  const pkgOf = (i) => `com.acme.big.f${i % 50}`;
  for (let i = 0; i < files; i++) {
    const pkg = pkgOf(i);
    const a = Math.floor(random() * files);
    const b = (i + 1 + Math.floor(random() * 49)) % files;
    const entity = i % 10 === 0;
    const repo = i % 20 === 5;
    const lines = [`package ${pkg};`, ''];
    for (const j of [a, b]) if (pkgOf(j) !== pkg) lines.push(`import ${pkgOf(j)}.C${j};`);
    lines.push('import org.springframework.stereotype.Service;', 'import jakarta.persistence.*;', 'import java.util.List;', '');
    if (repo) {
      lines.push(`public interface C${i} extends org.springframework.data.jpa.repository.JpaRepository<E${i - 5}, Long> {`, `    List<E${i - 5}> findByName(String name);`, '}');
    } else if (entity) {
      lines.push('@Entity', `@Table(name = "t${i}")`, `public class C${i} {`, '    @Id private Long id;', '    private String name;', `    @ManyToOne @JoinColumn(name = "c${a}_id") private C${a} parent;`, '}');
    } else {
      lines.push('@Service', `public class C${i} {`, `    private final C${a} first;`, `    private final C${b} second;`, `    public C${i}(C${a} first, C${b} second) { this.first = first; this.second = second; }`, '    public int work(int n) {', '        if (n <= 0) return 0;');
      if (random() < 0.1) lines.push(`        String q = "SELECT id, name FROM t${(i * 7) % files} WHERE id = ?";`);
      lines.push('        return first.hashCode() + second.hashCode() + n;', '    }', '}');
    }
    const file = path.join(root, 'src/main/java', ...pkg.split('.'), `C${i}.java`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, lines.join('\n') + '\n');
  }
  return { files };
}
